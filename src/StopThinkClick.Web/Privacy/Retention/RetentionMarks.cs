namespace StopThinkClick.Web.Privacy.Retention;

/// <summary>
/// When the daily run first saw each thing that starts a retention clock: a class marked as left,
/// a parent with no child at the school. The clock runs from that day, so a change of mind (a class
/// brought back, a parent linked to a younger sibling) simply removes the mark.
/// </summary>
public sealed record RetentionMarks
{
    public const string DocumentId = "retention-marks";

    public string Id { get; init; } = DocumentId;
    public Dictionary<Guid, DateTimeOffset> ClassesLeft { get; init; } = [];
    public Dictionary<Guid, DateTimeOffset> ParentsWithoutChildren { get; init; } = [];
    public Dictionary<Guid, DateTimeOffset> StaffAccountsClosed { get; init; } = [];

    /// <summary>Keeps the first-seen time of each id still present, marks the new ones now, drops the rest.</summary>
    public static Dictionary<Guid, DateTimeOffset> Update(Dictionary<Guid, DateTimeOffset> marks, IEnumerable<Guid> present, DateTimeOffset now) =>
        present.Distinct().ToDictionary(id => id, id => marks.TryGetValue(id, out var since) ? since : now);
}
