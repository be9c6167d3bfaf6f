using Marten.Events.Aggregation;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Safeguarding.Team;

public enum TeamChangeStatus { Waiting, Approved, Refused }

/// <summary>One asked-for change to the safeguarding team and what became of it (the stream's read model, kept inline).</summary>
public sealed class TeamChange
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public TeamChangeKind Kind { get; set; }
    public AdultRole? To { get; set; }
    public Guid AskedBy { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public TeamChangeStatus Status { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public sealed partial class TeamChangeProjection : SingleStreamProjection<TeamChange, Guid>
{
    public TeamChange Create(TeamChangeAsked e) => new()
    {
        Id = e.ChangeId, PersonId = e.PersonId, Kind = e.Kind, To = e.To, AskedBy = e.ByPersonId, AskedAt = e.At, Status = TeamChangeStatus.Waiting,
    };

    public void Apply(TeamChangeApproved e, TeamChange c) => (c.Status, c.DecidedBy, c.DecidedAt) = (TeamChangeStatus.Approved, e.ByPersonId, e.At);

    public void Apply(TeamChangeRefused e, TeamChange c) => (c.Status, c.DecidedBy, c.DecidedAt) = (TeamChangeStatus.Refused, e.ByPersonId, e.At);
}
