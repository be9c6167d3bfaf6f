using Marten;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Live.Sessions;

/// <summary>
/// One thing somebody asked a live session to do (join, answer, vote, move on, end, worry, sign…):
/// a pure decision on the session's state, and — for the few commands whose record lives beyond
/// the session's own stream — what else to write in the same transaction.
/// </summary>
/// <param name="Decide">the decider call; it sees every earlier command of the same batch already applied</param>
/// <param name="Also">writes that must commit with the events or not at all (the concern of a worry, the summary of an end)</param>
/// <param name="SentAtMs">when the pupil's device sent it (for the console's latency figures)</param>
public sealed record LiveCommand(Func<LiveSessionState, Decision> Decide, AlsoWrite? Also = null, long SentAtMs = 0)
{
    public static implicit operator LiveCommand(Func<LiveSessionState, Decision> decide) => new(decide);
}

/// <param name="after">the session's state with the command's events applied</param>
public delegate Task AlsoWrite(IDocumentSession session, LiveSessionState after, IReadOnlyList<object> events, CancellationToken ct);

/// <summary>What the screens are pushed after a commit: the events, and when each command was sent.</summary>
public sealed record Committed(IReadOnlyList<object> Events, IReadOnlyList<long> SentAtMs);

/// <summary>
/// A running session as it was after one commit. Never changed once published, so a page can render
/// board, console and pupil slides from it without a lock and see one consistent moment.
/// </summary>
/// <param name="StreamVersion">how many events the session's stream holds (the expected version of the next append)</param>
/// <param name="ScreenVersion">bumped whenever what the screens show changes; clients fetch the new slide</param>
public sealed record LiveSnapshot(LiveSessionState State, long StreamVersion, int ScreenVersion);
