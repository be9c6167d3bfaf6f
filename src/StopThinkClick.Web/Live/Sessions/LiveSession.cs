using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Live.Sessions;

/// <summary>
/// One running session in memory: its script, its state, the names of its class, and a gate that
/// puts its decisions in order. Answers and votes are decided under the gate but written outside
/// it, so thirty answers share one group commit instead of queueing behind each other.
/// </summary>
public sealed record PupilName(string First, string Display);

public sealed class LiveSession(string schoolId, Script script, LiveSessionState state, IReadOnlyDictionary<Guid, PupilName> names, int version = 0)
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly Dictionary<Guid, Task<Decision>> inFlight = [];

    public string SchoolId { get; } = schoolId;
    public Guid Id => State.Id;
    public Script Script { get; } = script;
    public LiveSessionState State { get; } = state;
    public IReadOnlyDictionary<Guid, PupilName> Names { get; } = names;

    /// <summary>
    /// Bumped whenever what the screens show changes; clients fetch the new slide. Counted from the
    /// stream, so every node (and a restarted one) gives the same screen the same number.
    /// </summary>
    public int Version { get; private set; } = version;

    public static bool ChangesScreens(object e) =>
        e is SlideShown or AnswersRevealed or VoteOpened or VoteClosed or BranchChosen or ScreensLocked or ScreensUnlocked or BoardNamesChanged or LiveSessionEnded
            or StopThinkClick.Web.Aup.SignaturesWitnessed;

    /// <summary>First name and initial, for the teacher's console.</summary>
    public string NameOf(Guid pupil) => Names.GetValueOrDefault(pupil)?.Display ?? "A pupil";

    /// <summary>First name only, for the board.</summary>
    public string FirstNameOf(Guid pupil) => Names.GetValueOrDefault(pupil)?.First ?? "A pupil";

    /// <summary>A teacher's command: decide, write, apply — in order, one at a time.</summary>
    public async Task<Decision> CommandAsync(Func<LiveSessionState, Decision> decide, Func<IReadOnlyList<object>, Task> write, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var decision = decide(State);
            if (decision.Refused || decision.Events.Count == 0) return decision;
            await write(decision.Events);
            Apply(decision.Events);
            return decision;
        }
        finally { gate.Release(); }
    }

    /// <summary>
    /// A pupil's answer or vote, keyed by its id: a second copy sent while the first is being
    /// written waits for the same write, and one sent after it finds it already applied.
    /// </summary>
    /// <returns>the decision, and whether this call wrote it (a copy that waited on another's write did not)</returns>
    public async Task<(Decision Decision, bool Wrote)> SubmitAsync(Guid id, Func<LiveSessionState, Decision> decide, Func<IReadOnlyList<object>, Task> write, CancellationToken ct)
    {
        Task<Decision> task;
        var mine = false;
        await gate.WaitAsync(ct);
        try
        {
            if (!inFlight.TryGetValue(id, out task!))
            {
                var decision = decide(State);
                if (decision.Refused || decision.Events.Count == 0) return (decision, false);
                task = WriteThenApplyAsync(id, decision, write);
                inFlight[id] = task;
                mine = true;
            }
        }
        finally { gate.Release(); }
        return (await task.WaitAsync(ct), mine);
    }

    async Task<Decision> WriteThenApplyAsync(Guid id, Decision decision, Func<IReadOnlyList<object>, Task> write)
    {
        try
        {
            await write(decision.Events);
            await gate.WaitAsync();
            try { Apply(decision.Events); }
            finally { gate.Release(); }
            return decision;
        }
        finally
        {
            await gate.WaitAsync();
            inFlight.Remove(id);
            gate.Release();
        }
    }

    /// <summary>Applies committed events (from this node, or echoed from another); applying twice is harmless.</summary>
    public void Apply(IReadOnlyList<object> events)
    {
        foreach (var e in events)
        {
            State.Apply(e);
            if (ChangesScreens(e)) Version++;
        }
    }

    /// <summary>
    /// Reads the state under the gate: answers are applied while other calls are still pushing
    /// counts to the screens, and enumerating the state mid-apply would throw.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<LiveSessionState, T> read)
    {
        await gate.WaitAsync();
        try { return read(State); }
        finally { gate.Release(); }
    }

    public async Task ApplyFromElsewhereAsync(IReadOnlyList<object> events)
    {
        await gate.WaitAsync();
        try { Apply(events); }
        finally { gate.Release(); }
    }
}
