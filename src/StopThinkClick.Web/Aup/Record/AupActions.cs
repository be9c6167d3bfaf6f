using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Aup.Record;

/// <summary>
/// Runs one decision on a child's AUP record (a parent co-signing, agreeing, choosing permissions):
/// read the record for writing, decide, append to the child's stream with an optimistic check,
/// decide again if another write of that stream got in first — two presses store one signature.
/// </summary>
public sealed class AupActions(SchoolSessions sessions, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Decision> RunAsync(Guid pupil, Func<AupRecord, Decision> decide, CancellationToken ct) =>
        (await OneStream.DecideAsync(sessions.Current, pupil, () => new AupRecord { Id = pupil },
            state => (decide(state), 0), (_, decision) => decision.Events.ToList(), ct)).Decision;

    public async Task<AupRecord> RecordAsync(Guid pupil, CancellationToken ct)
    {
        await using var session = sessions.QueryCurrent();
        return await session.LoadAsync<AupRecord>(pupil, ct) ?? new AupRecord { Id = pupil };
    }
}
