using StopThinkClick.Web.Platform.Events;
using Marten;
using JasperFx;
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

    public async Task<(Decision Decision, T Result)> RunAsync<T>(Guid pupil, Func<PupilProgress, (Decision, T)> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = sessions.Current();
            var stream = await session.Events.FetchForWriting<PupilProgress>(pupil, ct);
            var state = stream.Aggregate ?? new PupilProgress { Id = pupil };
            var (decision, result) = decide(state);
            if (decision.Refused || decision.Events.Count == 0) return (decision, result);

            var events = WithBadges(state, decision, catalogue, pupil, Now);
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(ct);
                return (decision with { Events = events }, result);
            }
            catch (Exception e) when (attempt < 3 && LostRace.Is(e))
            {
                // Two taps of the same child crossed: decide again on the newer progress.
            }
        }
    }

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
