using JasperFx;
using Marten;

namespace StopThinkClick.Web.SignIn.Throttle;

/// <summary>
/// Counts tries in the database with an optimistic check on each counter's revision: read, count,
/// write "if nobody else wrote since". When parallel requests cross, the loser reads again and
/// counts again, so twenty parallel guesses are twenty counted tries, not one. A try that cannot
/// be counted after several rounds is refused, never let through unchecked.
/// </summary>
public sealed class TryCounters(IDocumentStore store, TimeProvider clock)
{
    const int Rounds = 12;

    public sealed record Counted(bool Allowed, DateTimeOffset? LockedUntil)
    {
        /// <summary>This try was the last before a pause: if it is wrong, say so.</summary>
        public bool WasLast => LockedUntil is not null;
    }

    /// <summary>Counts one try at <paramref name="key"/> before it is checked; refuses it while the key is paused.</summary>
    public async Task<Counted> CountAsync(string key, TryPolicy policy, CancellationToken ct)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var now = clock.GetUtcNow();
            await using var session = store.LightweightSession();
            var counter = await session.LoadAsync<TryCounter>(key, ct) ?? new TryCounter(key);
            if (counter.IsLocked(now)) return new Counted(false, counter.LockedUntil);
            var next = TryRules.Count(counter, policy, now);
            if (await TrySaveAsync(session, counter, next, ct)) return new Counted(true, next.LockedUntil);
        }
        return new Counted(false, null);
    }

    /// <summary>Counts a wrong try that was already checked (a class's PINs): paused or not, it is counted.</summary>
    public async Task<TryCounter> CountWrongAsync(string key, TryPolicy policy, CancellationToken ct)
    {
        var result = await ChangeAsync(key, c => c.IsLocked(clock.GetUtcNow()) ? c : TryRules.Count(c, policy, clock.GetUtcNow()), ct);
        return result ?? new TryCounter(key);
    }

    public Task SucceededAsync(string key, CancellationToken ct) => ChangeAsync(key, TryRules.Succeeded, ct, onlyIfExists: true);

    public Task ClearAsync(string key, CancellationToken ct) => ChangeAsync(key, TryRules.Cleared, ct, onlyIfExists: true);

    public async Task<TryCounter?> PeekAsync(string key, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<TryCounter>(key, ct);
    }

    public async Task<IReadOnlyList<TryCounter>> PausedAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var ids = keys.ToArray();
        if (ids.Length == 0) return [];
        return (await query.LoadManyAsync<TryCounter>(ct, ids)).Where(c => c.IsLocked(now)).ToList();
    }

    async Task<TryCounter?> ChangeAsync(string key, Func<TryCounter, TryCounter> change, CancellationToken ct, bool onlyIfExists = false)
    {
        for (var round = 0; round < Rounds; round++)
        {
            await using var session = store.LightweightSession();
            var counter = await session.LoadAsync<TryCounter>(key, ct);
            if (counter is null && onlyIfExists) return null;
            counter ??= new TryCounter(key);
            var next = change(counter);
            if (next == counter) return counter;
            if (await TrySaveAsync(session, counter, next, ct)) return next;
        }
        throw new InvalidOperationException($"The counter {key} kept changing under us; try again.");
    }

    static async Task<bool> TrySaveAsync(IDocumentSession session, TryCounter before, TryCounter next, CancellationToken ct)
    {
        if (before.Version == 0) session.Insert(next);
        else session.UpdateRevision(next, before.Version + 1);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException)
        {
            return false;
        }
    }
}
