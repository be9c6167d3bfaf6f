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

    /// <summary>How many times the child pressed "I'm worried" for this concern (1 unless presses were merged).</summary>
    public int Presses { get; set; }

    /// <summary>When the child last pressed: later presses within the merge window join this concern.</summary>
    public DateTimeOffset LastPressAt { get; set; }

    /// <summary>The devices' ids of merged presses, so a resend of one press is not counted twice.</summary>
    public List<Guid> PressIds { get; set; } = [];

    /// <summary>The stream's version, for the lead's forms (FetchForWriting with an expected version).</summary>
    public long Version { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];
}

public sealed record TimelineEntry(string What, Guid? By, Guid? NoteId, DateTimeOffset At);

/// <summary>When anything last happened on a concern, so a printed file can be told apart from a newer worry.</summary>
public static class ConcernActivity
{
    public static DateTimeOffset Latest(Concern concern) =>
        concern.Timeline.Select(t => t.At).Append(concern.RaisedAt).Append(concern.LastPressAt).Max();

    /// <summary>Whether a file printed at <paramref name="printed"/> holds everything in these concerns.</summary>
    public static bool FileIsCurrent(IEnumerable<Concern> concerns, DateTimeOffset? printed)
    {
        var list = concerns.ToList();
        return list.Count == 0 || (printed is { } at && at >= list.Max(Latest));
    }
}
