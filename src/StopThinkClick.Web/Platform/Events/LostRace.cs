using JasperFx;
using Marten.Exceptions;

namespace StopThinkClick.Web.Platform.Events;

/// <summary>
/// A write that lost a race to another write of the same stream or document: a newer stream
/// version, two writes both starting a new stream, or both inserting one document. The caller
/// reads again and decides again; nothing was stored.
/// </summary>
public static class LostRace
{
    public static bool Is(Exception e) =>
        e is ConcurrencyException or ExistingStreamIdCollisionException or DocumentAlreadyExistsException
        || e.InnerException is { } inner && Is(inner);

    /// <summary>
    /// Runs one read → change → save again while it loses a race, up to <paramref name="tries"/>
    /// times in all; a last loss is thrown. <paramref name="attempt"/> opens its own session each
    /// time, so every try reads what the winner wrote.
    /// </summary>
    public static async Task<T> RetryAsync<T>(int tries, Func<Task<T>> attempt)
    {
        for (var round = 1; ; round++)
        {
            try { return await attempt(); }
            catch (Exception e) when (round < tries && Is(e)) { }
        }
    }

    public static Task RetryAsync(int tries, Func<Task> attempt) =>
        RetryAsync(tries, async () => { await attempt(); return true; });
}
