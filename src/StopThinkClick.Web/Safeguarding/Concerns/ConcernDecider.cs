using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>Pure decisions for working a concern: new → acknowledged → action taken → closed.</summary>
public static class ConcernDecider
{
    public static Decision View(Concern c, Guid viewer, string role, DateTimeOffset now) =>
        Decision.Of(new ConcernViewed(c.Id, viewer, role, now));

    public static Decision Acknowledge(Concern c, Guid by, DateTimeOffset now) =>
        c.Status == ConcernStatus.New ? Decision.Of(new ConcernAcknowledged(c.Id, by, now))
        : Decision.Refuse("This concern has already been acknowledged.");

    public static Decision AddNote(Concern c, Guid noteId, Guid by, string? text, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(text) ? Decision.Refuse("Write the note first.")
        : text.Length > 4000 ? Decision.Refuse("The note is too long: keep it under 4,000 characters, or add two notes.")
        : Decision.Of(new ConcernNoteAdded(c.Id, noteId, by, now));

    public static Decision RecordAction(Concern c, string action, Guid by, DateTimeOffset now)
    {
        if (c.Status == ConcernStatus.Closed) return Decision.Refuse("This concern is closed. Reopen it by raising a new concern that refers to it.");
        if (!ConcernOptions.Actions.ContainsKey(action)) return Decision.Refuse("Choose one of the listed actions.");
        var events = new List<object>();
        if (c.Status == ConcernStatus.New) events.Add(new ConcernAcknowledged(c.Id, by, now));
        events.Add(new ConcernActionRecorded(c.Id, action, by, now));
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
