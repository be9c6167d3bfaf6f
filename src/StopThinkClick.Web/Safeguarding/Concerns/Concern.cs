namespace StopThinkClick.Web.Safeguarding.Concerns;

public enum ConcernStatus { New, Acknowledged, ActionTaken, Closed }

/// <summary>
/// The concern log entry, projected inline from the concern's stream so that it is in the log the
/// moment the pupil is told "a grown-up will talk to you". Its timeline includes every view.
/// </summary>
public sealed class Concern
{
    public Guid Id { get; set; }
    public string Topic { get; set; } = "";
    public ConcernSource Source { get; set; }
    public Guid? PupilId { get; set; }
    public Guid? ClassId { get; set; }
    public Guid? SessionId { get; set; }
    public Guid? RaisedBy { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public ConcernStatus Status { get; set; }
    public List<TimelineEntry> Timeline { get; set; } = [];
}

public sealed record TimelineEntry(string What, Guid? By, Guid? NoteId, DateTimeOffset At);
