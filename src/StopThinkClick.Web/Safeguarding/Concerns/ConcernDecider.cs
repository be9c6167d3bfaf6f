using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>A child's press of "I'm worried": the device's id for the press, and what the child chose and wrote.</summary>
public sealed record WorryPress(Guid PressId, Guid PupilId, Guid? ClassId, Guid? SessionId, ConcernSource Source, string? Topic, string? Words, DateTimeOffset At);

/// <summary>A member of staff's account of a concern about a pupil.</summary>
public sealed record StaffRecord(Guid PupilId, Guid? ClassId, Guid StaffId, string? Topic, string? Details, DateTimeOffset At);

/// <summary>
/// Pure decisions for a concern: raised (by a child's press or a staff record), pressed again,
/// then new → acknowledged → action taken → closed. New stream ids come in from the server
/// (<c>newId</c>), never from a form or a device.
/// </summary>
public static class ConcernDecider
{
    /// <summary>Presses from one child this close together are one worry: the log shows one concern, pressed N times.</summary>
    public static readonly TimeSpan MergeWindow = TimeSpan.FromMinutes(10);

    public static Decision Worry(Concern? recent, WorryPress press, Guid newId)
    {
        if (TextLimits.TooLong(press.Words, TextLimits.WorryWords))
            return Decision.Refuse($"Your words are too long. You can write up to {TextLimits.WorryWords:N0} letters. Your words are still here.");
        var topic = press.Topic is not null && ConcernTopics.ForPupils.ContainsKey(press.Topic) ? press.Topic : ConcernTopics.SomethingElse;
        var hasWords = TextLimits.Normalise(press.Words).Length > 0;
        if (recent is not null && recent.PressIds.Contains(press.PressId)) return Decision.Nothing;
        // Repeats join a concern nobody has acknowledged yet; once the lead has picked it up, a new
        // press is news and starts its own concern, so it is seen rather than folded into old work.
        if (recent is { Status: ConcernStatus.New } && recent.PupilId == press.PupilId && press.At - recent.LastPressAt <= MergeWindow)
            return Decision.Of(new WorryRepeated(recent.Id, press.PupilId, press.PressId, topic, press.Source, press.SessionId, hasWords, press.At));
        return Decision.Of(new ConcernRaised(newId, topic, press.Source, press.PupilId, press.ClassId, press.SessionId, null, hasWords, press.At, press.PressId));
    }

    public static Decision Record(StaffRecord record, Guid newId)
    {
        if (string.IsNullOrWhiteSpace(record.Details)) return Decision.Refuse("write what happened.");
        if (TextLimits.TooLong(record.Details, TextLimits.ConcernDetails)) return Decision.Refuse(TextLimits.TooLongMessage(record.Details, TextLimits.ConcernDetails));
        var topic = record.Topic is not null && ConcernOptions.StaffTopics.ContainsKey(record.Topic) ? record.Topic : ConcernTopics.SomethingElse;
        return Decision.Of(new ConcernRaised(newId, topic, ConcernSource.StaffRecord, record.PupilId, record.ClassId, null, record.StaffId, true, record.At));
    }

    public static Decision View(Concern c, Guid viewer, string role, DateTimeOffset now) =>
        Decision.Of(new ConcernViewed(c.Id, viewer, role, now));

    public static Decision Acknowledge(Concern c, Guid by, DateTimeOffset now) =>
        c.Status == ConcernStatus.New ? Decision.Of(new ConcernAcknowledged(c.Id, by, now))
        : Decision.Refuse("This concern has already been acknowledged.");

    public static Decision AddNote(Concern c, Guid noteId, Guid by, string? text, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(text) ? Decision.Refuse("Write the note first.")
        : TextLimits.TooLong(text, TextLimits.Note) ? Decision.Refuse("The note is too long: " + TextLimits.TooLongMessage(text, TextLimits.Note))
        : Decision.Of(new ConcernNoteAdded(c.Id, noteId, by, now));

    public static Decision RecordAction(Concern c, string action, Guid by, DateTimeOffset now, Guid? noteId = null, string? note = null)
    {
        if (c.Status == ConcernStatus.Closed) return Decision.Refuse("This concern is closed. Reopen it by raising a new concern that refers to it.");
        if (!ConcernOptions.Actions.ContainsKey(action)) return Decision.Refuse("Choose one of the listed actions.");
        if (TextLimits.TooLong(note, TextLimits.Note)) return Decision.Refuse("The details are too long: " + TextLimits.TooLongMessage(note, TextLimits.Note));
        var events = new List<object>();
        if (c.Status == ConcernStatus.New) events.Add(new ConcernAcknowledged(c.Id, by, now));
        events.Add(new ConcernActionRecorded(c.Id, action, by, now));
        if (noteId is { } id && !string.IsNullOrWhiteSpace(note)) events.Add(new ConcernNoteAdded(c.Id, id, by, now));
        return new Decision(events);
    }

    public static Decision Close(Concern c, string outcome, Guid by, DateTimeOffset now)
    {
        if (c.Status == ConcernStatus.Closed) return Decision.Refuse("This concern is already closed.");
        if (!ConcernOptions.Outcomes.ContainsKey(outcome)) return Decision.Refuse("Choose the outcome before closing.");
        if (c.Status == ConcernStatus.New) return Decision.Refuse("Acknowledge the concern and record what was done before closing it.");
        return Decision.Of(new ConcernClosed(c.Id, by, outcome, now));
    }
}
