using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marten;
using StopThinkClick.Web.Platform.Events;
using Microsoft.Extensions.Caching.Memory;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn.Sessions;

/// <summary>
/// Revocation on the server. Every sign-in cookie carries its person's stamp; a request (and a hub
/// connection, which starts as a request) is let in only while the stamp is still the person's
/// stamp. Signing out, a new password, new login cards, a new class code, a role change or
/// deactivation give the person a new stamp, and erasure or deactivation end them outright, so a
/// saved or stolen cookie stops working at once. What is current is cached for a few seconds per
/// node (and forgotten at once on the node that made the change), so pages cost no extra query.
/// </summary>
public sealed class SessionStamps(IDocumentStore store, IMemoryCache cache)
{
    public const string Claim = "stc:stamp";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    sealed record Current(string Stamp, Guid ClassId);

    /// <summary>True while this principal's session has not been ended on the server. The live hub may call this on connect.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var stamp = user.FindFirstValue(Claim);
        var person = user.PersonId();
        if (stamp is null || person == Guid.Empty) return false;
        var current = await cache.GetOrCreateAsync(Key(person), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return user.IsInRole(Roles.Pupil) ? await PupilAsync(user, ct) : await AdultAsync(user, ct);
        });
        if (current is null) return false;
        if (user.IsInRole(Roles.Pupil) && current.ClassId != user.ClassId()) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current.Stamp), Encoding.UTF8.GetBytes(stamp));
    }

    /// <summary>
    /// Reads the current stamps of many people at once (one query per school for pupils, one for all
    /// adults) and keeps them for <paramref name="keepFor"/> as what the per-call check compares with.
    /// The sweep of open live connections calls this: a tablet answering every few seconds is then
    /// checked against a stamp no older than one sweep without a database trip of its own, where a
    /// five-second cache alone cost a trip on nearly every answer. A sweep that read just before a change
    /// made on this node may keep the older stamp until the next sweep, which closes the connection.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<ClaimsPrincipal> users, TimeSpan keepFor, CancellationToken ct)
    {
        foreach (var school in users.Where(u => u.IsInRole(Roles.Pupil)).GroupBy(u => u.SchoolId()))
        {
            var ids = school.Select(u => u.PersonId()).Distinct().ToArray();
            await using var session = store.QuerySession(school.Key);
            var found = (await session.Query<Pupil>().Where(p => ids.Contains(p.Id))
                .Select(p => new PupilStamp(p.Id, p.SignIn.Stamp, p.ClassId, p.Erased)).ToListAsync(ct)).ToDictionary(p => p.Id);
            foreach (var id in ids)
                cache.Set(Key(id), found.GetValueOrDefault(id) is { Erased: false } p ? new Current(p.Stamp, p.ClassId) : null, keepFor);
        }

        var adults = users.Where(u => !u.IsInRole(Roles.Pupil) && !string.IsNullOrEmpty(u.FindFirstValue(ClaimTypes.Email))).ToList();
        if (adults.Count == 0) return;
        await using var directory = store.QuerySession();
        var accounts = (await directory.LoadManyAsync<AdultAccount>(ct, adults.Select(u => AdultAccount.Normalise(u.FindFirstValue(ClaimTypes.Email)!)).Distinct()))
            .ToDictionary(a => a.Id);
        foreach (var user in adults)
            cache.Set(Key(user.PersonId()), AdultCurrent(user, accounts.GetValueOrDefault(AdultAccount.Normalise(user.FindFirstValue(ClaimTypes.Email)!))), keepFor);
    }

    sealed record PupilStamp(Guid Id, string Stamp, Guid ClassId, bool Erased);

    /// <summary>Drops this node's cached stamp, after a change, so the change counts here at once.</summary>
    public void Forget(Guid personId) => cache.Remove(Key(personId));

    /// <summary>Ends every session of one pupil (signing out, a new card, a new class code).</summary>
    public async Task RenewPupilsAsync(string schoolId, IEnumerable<Guid> pupilIds, CancellationToken ct)
    {
        var ids = pupilIds.ToArray();
        if (ids.Length == 0) return;
        // The pupil's record may change meanwhile (a reprint, settings): then sign out on the newer one.
        await LostRace.RetryAsync(8, async () =>
        {
            await using var session = store.LightweightSession(schoolId);
            foreach (var pupil in await session.LoadManyAsync<Pupil>(ct, ids))
                session.Store(pupil with { SignIn = pupil.SignIn with { Stamp = New() } });
            await session.SaveChangesAsync(ct);
        });
        foreach (var id in ids) Forget(id);
    }

    async Task<Current?> PupilAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await using var school = store.QuerySession(user.SchoolId());
        var pupil = await school.LoadAsync<Pupil>(user.PersonId(), ct);
        return pupil is null || pupil.Erased ? null : new Current(pupil.SignIn.Stamp, pupil.ClassId);
    }

    async Task<Current?> AdultAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrEmpty(email)) return null;
        await using var directory = store.QuerySession();
        return AdultCurrent(user, await directory.LoadAsync<AdultAccount>(AdultAccount.Normalise(email), ct));
    }

    static Current? AdultCurrent(ClaimsPrincipal user, AdultAccount? account) =>
        account is null || account.Deactivated || account.PersonId != user.PersonId() || account.SchoolId != user.SchoolId()
            ? null : new Current(account.SecurityStamp, Guid.Empty);

    static string Key(Guid personId) => "stc.stamp:" + personId.ToString("N");
}
