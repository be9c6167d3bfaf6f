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
        var account = await directory.LoadAsync<AdultAccount>(AdultAccount.Normalise(email), ct);
        return account is null || account.Deactivated || account.PersonId != user.PersonId() || account.SchoolId != user.SchoolId()
            ? null : new Current(account.SecurityStamp, Guid.Empty);
    }

    static string Key(Guid personId) => "stc.stamp:" + personId.ToString("N");
}
