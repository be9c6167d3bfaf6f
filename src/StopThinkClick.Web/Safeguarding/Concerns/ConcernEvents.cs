using System.Security.Cryptography;
using System.Text;

namespace StopThinkClick.Web.Safeguarding.Concerns;

// A concern's stream (stream id = concern id, always made on the server). Ids and codes only: the
// child's own words and staff accounts and notes live in ConcernText documents beside the stream.

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

/// <summary>A new concern. <paramref name="PressId"/> is the device's id for a child's press (null for staff records and older events).</summary>
public sealed record ConcernRaised(Guid ConcernId, string Topic, ConcernSource Source, Guid? PupilId, Guid? ClassId, Guid? SessionId, Guid? RaisedBy, bool HasWords, DateTimeOffset At, Guid? PressId = null);

/// <summary>
/// The same child pressed "I'm worried" again soon after: merged into the open concern rather than
/// flooding the log, but every press is kept (and its words, if any, are a ConcernText).
/// <paramref name="PressId"/> is the device's own id for the press, so a resend is counted once.
/// </summary>
public sealed record WorryRepeated(Guid ConcernId, Guid PupilId, Guid PressId, string Topic, ConcernSource Source, Guid? SessionId, bool HasWords, DateTimeOffset At);

public sealed record ConcernViewed(Guid ConcernId, Guid ViewerId, string ViewerRole, DateTimeOffset At);
public sealed record ConcernAcknowledged(Guid ConcernId, Guid By, DateTimeOffset At);
public sealed record ConcernNoteAdded(Guid ConcernId, Guid NoteId, Guid By, DateTimeOffset At);
public sealed record ConcernActionRecorded(Guid ConcernId, string Action, Guid By, DateTimeOffset At);
public sealed record ConcernClosed(Guid ConcernId, Guid By, string Outcome, DateTimeOffset At);

/// <summary>Who wrote a concern text. Unknown only in records written before authors were kept (the start-up migration fills it in).</summary>
public enum TextAuthor { Unknown, Pupil, Staff }

/// <summary>
/// Free text belonging to a concern: the child's own words (<see cref="TextAuthor.Pupil"/>, the
/// child's id) or a staff account or note (<see cref="TextAuthor.Staff"/>, the staff member's id).
/// Erasing a child removes only their own words; staff records are the school's and stay.
/// </summary>
public sealed record ConcernText(Guid Id, Guid ConcernId, Guid? AuthorId, string Text, DateTimeOffset At, TextAuthor Author = TextAuthor.Unknown)
{
    public static ConcernText ByPupil(Guid id, Guid concernId, Guid pupilId, string text, DateTimeOffset at) =>
        new(id, concernId, pupilId, TextLimits.Guard(text, TextLimits.WorryWords), at, TextAuthor.Pupil);

    /// <summary>
    /// The id of a child's words sent with one press: the same press with the same words is the same
    /// text (a resend stores nothing new); different words under one press are kept beside it.
    /// </summary>
    public static Guid IdOfPress(Guid pupilId, Guid pressId, string words)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{pupilId:N}/{pressId:N}/{words}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // an RFC 9562 version 8 (name-based, custom) id
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static ConcernText ByStaff(Guid id, Guid concernId, Guid staffId, string text, int limit, DateTimeOffset at) =>
        new(id, concernId, staffId, TextLimits.Guard(text, limit), at, TextAuthor.Staff);
}
