using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>How the log, the concern page and the printed file describe a concern's entries and texts.</summary>
public static class ConcernWording
{
    public static string Status(ConcernStatus s) => s switch
    {
        ConcernStatus.New => "New", ConcernStatus.Acknowledged => "Acknowledged", ConcernStatus.ActionTaken => "Action taken", _ => "Closed",
    };

    public static string How(Concern c, IReadOnlyDictionary<Guid, string> names) => c.Source switch
    {
        ConcernSource.PupilDevice => "The pupil pressed “I'm worried” on their own device",
        ConcernSource.LiveSession => "The pupil pressed “I'm worried” during a live lesson",
        _ => $"Recorded by {names.Of(c.RaisedBy)}",
    } + (c.Presses > 1 ? $" ({c.Presses} presses close together, kept as one concern)" : "");

    /// <summary>Only text the child wrote is called their own words; everything else names the adult who wrote it.</summary>
    public static string AuthorOf(ConcernText text, IReadOnlyDictionary<Guid, string> names) => text.Author switch
    {
        TextAuthor.Pupil => "The pupil's own words",
        TextAuthor.Staff => $"Written by {names.Of(text.AuthorId)} (staff)",
        _ => $"Written by {names.Of(text.AuthorId)}",
    };

    public static string Describe(TimelineEntry entry, IReadOnlyDictionary<Guid, string> names)
    {
        var who = names.Of(entry.By);
        return entry.What switch
        {
            "raised" => $"Raised by {who}",
            "pressed-again" => $"{who} pressed “I'm worried” again",
            "viewed" => $"Opened by {who}",
            "acknowledged" => $"Acknowledged by {who}",
            "note" => $"Note by {who}",
            var a when a.StartsWith("action:", StringComparison.Ordinal) => $"{ConcernOptions.Actions.GetValueOrDefault(a[7..], a[7..])} — {who}",
            var c when c.StartsWith("closed:", StringComparison.Ordinal) => $"Closed by {who}: {ConcernOptions.Outcomes.GetValueOrDefault(c[7..], c[7..])}",
            _ => entry.What,
        };
    }
}
