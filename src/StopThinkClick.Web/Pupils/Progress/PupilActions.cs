using StopThinkClick.Web.Platform.Events;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Web.Pupils.Progress;

/// <summary>
/// Runs one pupil decision: read their progress, decide, append the events (with any badges they
/// earn) and save — all in one transaction with an optimistic check on their stream, retried if
/// two of their taps raced. The page tells the child about an answer only after this returns.
/// </summary>
public sealed class PupilActions(SchoolSessions sessions, Catalogue catalogue, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<(Decision Decision, T Result)> RunAsync<T>(Guid pupil, Func<PupilProgress, (Decision, T)> decide, CancellationToken ct) =>
        OneStream.DecideAsync(sessions.Current, pupil, () => new PupilProgress { Id = pupil }, decide,
            (state, decision) => WithBadges(state, decision, catalogue, pupil, Now), ct);

    /// <summary>The decision's events and any badges they earn: what one tap appends (the demo term's seeding uses it too).</summary>
    public static List<object> WithBadges(PupilProgress before, Decision decision, Catalogue catalogue, Guid pupil, DateTimeOffset now) =>
        decision.Events.Concat(Badges.NewlyEarned(before, decision.Events, catalogue, pupil, now)).ToList();

    public async Task<Decision> RunAsync(Guid pupil, Func<PupilProgress, Decision> decide, CancellationToken ct) =>
        (await RunAsync(pupil, state => (decide(state), 0), ct)).Decision;

    public async Task<PupilProgress> ProgressAsync(Guid pupil, CancellationToken ct)
    {
        await using var session = sessions.QueryCurrent();
        return await session.LoadAsync<PupilProgress>(pupil, ct) ?? new PupilProgress { Id = pupil };
    }
}
