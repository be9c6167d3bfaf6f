using Marten.Schema;

namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>
/// One per child (id = pupil id): the concern their latest press went to. It is the lock that makes
/// merging safe — optimistic concurrency on this document means that of two presses racing, one
/// commits and the other is told to decide again, so twenty presses make one concern, not twenty.
/// Deleted when the child is erased.
/// </summary>
public sealed class WorryWindow
{
    public Guid Id { get; set; }
    public Guid ConcernId { get; set; }

    [Version]
    public Guid Version { get; set; }
}
