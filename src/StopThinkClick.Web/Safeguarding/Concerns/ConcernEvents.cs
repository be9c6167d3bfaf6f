namespace StopThinkClick.Web.Safeguarding.Concerns;

// A concern's stream (stream id = concern id). Ids and codes only: the child's own words and the
// lead's notes live in ConcernText documents, which can be erased with the child's data.

public enum ConcernSource { PupilDevice, LiveSession, StaffRecord }

/// <summary>
/// What a worry is about, as the child picked it (or as staff recorded it). Codes, not text.
/// </summary>
public static class ConcernTopics
{
    public const string SomeoneOnline = "someone-online";
    public const string SomethingISaw = "something-i-saw";
    public const string SomeoneUnkind = "someone-unkind";
    public const string SomethingElse = "something-else";

    public static IReadOnlyDictionary<string, (string Words, string Picture)> ForPupils { get; } = new Dictionary<string, (string, string)>
    {
        [SomeoneOnline] = ("Someone online", "speech"),
        [SomethingISaw] = ("Something I saw", "eyes"),
        [SomeoneUnkind] = ("Someone being unkind", "broken-heart"),
        [SomethingElse] = ("Something else", "thought"),
    };
}

public sealed record ConcernRaised(Guid ConcernId, string Topic, ConcernSource Source, Guid? PupilId, Guid? ClassId, Guid? SessionId, Guid? RaisedBy, bool HasWords, DateTimeOffset At);
public sealed record ConcernViewed(Guid ConcernId, Guid ViewerId, string ViewerRole, DateTimeOffset At);
public sealed record ConcernAcknowledged(Guid ConcernId, Guid By, DateTimeOffset At);
public sealed record ConcernNoteAdded(Guid ConcernId, Guid NoteId, Guid By, DateTimeOffset At);
public sealed record ConcernActionRecorded(Guid ConcernId, string Action, Guid By, DateTimeOffset At);
public sealed record ConcernClosed(Guid ConcernId, Guid By, string Outcome, DateTimeOffset At);

/// <summary>Free text belonging to a concern: the child's own words, or a note. Deletable, unlike events.</summary>
public sealed record ConcernText(Guid Id, Guid ConcernId, Guid? AuthorId, string Text, DateTimeOffset At);
