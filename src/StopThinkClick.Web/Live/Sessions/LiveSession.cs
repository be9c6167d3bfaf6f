using System.Collections.Concurrent;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Live.Sessions;

public sealed record PupilName(string First, string Display);

/// <summary>
/// One running session on this node, and the one path every live command takes:
/// decide on the state → append with the expected stream version → publish the committed events to
/// the other nodes → apply → notify the screens. Commands queue and one drainer at a time (the
/// session's gate) takes whatever has queued as a batch: each decision sees every earlier one of
/// the batch, and the next batch is decided only after this one is committed — so two answers in
/// flight from one pupil to one question cannot both pass. A stale copy (another node wrote first)
/// fails the append, reads what it missed and decides again. A caller's task completes only after
/// the commit: the hub acknowledges nothing earlier.
/// </summary>
public sealed partial class LiveSession(string schoolId, Script script, LiveSnapshot initial, IReadOnlyDictionary<Guid, PupilName> names, LiveSessionHost host)
{
    const int MaxBatch = 500;

    abstract record Work;
    sealed record Command(LiveCommand What, TaskCompletionSource<Decision> Done) : Work;
    sealed record FromElsewhere(long FromVersion, IReadOnlyList<object> Events) : Work;

    readonly ConcurrentQueue<Work> queue = new();
    int draining;
    volatile LiveSnapshot snapshot = initial;
    long lastUsed = Environment.TickCount64;

    public string SchoolId { get; } = schoolId;
    public Guid Id => snapshot.State.Id;
    public Script Script { get; } = script;
    public IReadOnlyDictionary<Guid, PupilName> Names { get; } = names;

    /// <summary>The session as of its last commit; never changed afterwards (a new one replaces it).</summary>
    public LiveSnapshot Snapshot => snapshot;
    public LiveSessionState State => snapshot.State;
    public int Version => snapshot.ScreenVersion;

    public TimeSpan IdleFor => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastUsed));
    public bool Busy => Volatile.Read(ref draining) == 1 || !queue.IsEmpty;

    public static bool ChangesScreens(object e) =>
        e is SlideShown or AnswersRevealed or VoteOpened or VoteClosed or BranchChosen or ScreensLocked or ScreensUnlocked or BoardNamesChanged or LiveSessionEnded
            or StopThinkClick.Web.Aup.SignaturesWitnessed;

    /// <summary>First name and initial, for the teacher's console.</summary>
    public string NameOf(Guid pupil) => Names.GetValueOrDefault(pupil)?.Display ?? "A pupil";

    /// <summary>First name only, for the pupil's own screen (and the board if the teacher turned names on).</summary>
    public string FirstNameOf(Guid pupil) => Names.GetValueOrDefault(pupil)?.First ?? "A pupil";

    /// <summary>Queues a command; completes with its decision once it is committed (or refused, with nothing written).</summary>
    public Task<Decision> SendAsync(LiveCommand command, CancellationToken ct = default)
    {
        Interlocked.Exchange(ref lastUsed, Environment.TickCount64);
        var done = new TaskCompletionSource<Decision>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Enqueue(new Command(command, done));
        Drain();
        return done.Task.WaitAsync(ct);
    }

    /// <summary>Events another node committed to this session's stream, numbered from <paramref name="fromVersion"/>.</summary>
    public void ApplyFromElsewhere(long fromVersion, IReadOnlyList<object> events)
    {
        queue.Enqueue(new FromElsewhere(fromVersion, events));
        Drain();
    }

    void Drain()
    {
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0) _ = Task.Run(DrainAsync);
    }

    async Task DrainAsync()
    {
        do
        {
            while (TakeBatch() is { } batch)
            {
                var (elsewhere, commands) = batch;
                try
                {
                    foreach (var e in elsewhere) await ApplyFromElsewhereAsync(e);
                    if (commands.Count > 0) await RunAsync(commands);
                }
                catch (Exception e)
                {
                    foreach (var c in commands) c.Done.TrySetException(e);
                    host.Logger.LogWarning(e, "Live session {Session}: a batch of {Count} commands was not saved", Id, commands.Count);
                }
            }
            Volatile.Write(ref draining, 0);
        }
        while (!queue.IsEmpty && Interlocked.CompareExchange(ref draining, 1, 0) == 0);
    }

    /// <summary>
    /// Whatever has queued, in order. A command that writes beyond the session's stream (an end, a
    /// worry, a signature) goes in a batch of its own, in its own transaction.
    /// </summary>
    (List<FromElsewhere>, List<Command>)? TakeBatch()
    {
        var elsewhere = new List<FromElsewhere>();
        var commands = new List<Command>();
        while (commands.Count < MaxBatch && queue.TryPeek(out var next))
        {
            if (next is Command { What.Also: not null } && commands.Count > 0) break;
            queue.TryDequeue(out next);
            if (next is FromElsewhere f) elsewhere.Add(f);
            else if (next is Command c)
            {
                commands.Add(c);
                if (c.What.Also is not null) break;
            }
        }
        return elsewhere.Count + commands.Count == 0 ? null : (elsewhere, commands);
    }
}

/// <summary>What a session needs from its node: the stream, the screens, and to be let go when it ends.</summary>
public sealed record LiveSessionHost(Storage.LiveStream Stream, Func<LiveSession, LiveSnapshot, Committed, Task> Notify, Action<LiveSession> Ended, ILogger Logger);
