using Marten;

namespace StopThinkClick.Web.Platform.Events;

/// <summary>
/// One decision on one stream, the way every page that changes a child's record makes it: read the
/// aggregate for writing (which remembers the stream's version), decide, append, save with an
/// optimistic check — and if another write of that stream got in first, read again and decide
/// again. Nothing is stored unless the decision was made on the stream as it is when it is stored.
/// </summary>
public static class OneStream
{
    public static Task<(Decision Decision, T Result)> DecideAsync<TState, T>(
        Func<IDocumentSession> open, Guid id, Func<TState> empty,
        Func<TState, (Decision Decision, T Result)> decide,
        Func<TState, Decision, List<object>> toAppend,
        CancellationToken ct) where TState : class
    {
        // Another write of the stream got in first: read what it wrote and decide again.
        return LostRace.RetryAsync(3, async () =>
        {
            await using var session = open();
            var stream = await session.Events.FetchForWriting<TState>(id, ct);
            var state = stream.Aggregate ?? empty();
            var (decision, result) = decide(state);
            if (decision.Refused || decision.Events.Count == 0) return (decision, result);

            var events = toAppend(state, decision);
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
            return (decision with { Events = events }, result);
        });
    }
}
