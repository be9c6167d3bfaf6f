using System.Security.Claims;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;

namespace StopThinkClick.Web.SignIn.Throttle;

/// <summary>
/// Adults whose sign-in is paused after wrong passwords or codes, and letting them back in. A
/// safeguarding lead lets staff back in (Safeguarding → Team) and the school admin lets parents back
/// in: the admin, who might be the one guessing, cannot clear a member of staff's count. Each is
/// recorded in the person's account history.
/// </summary>
public sealed class SignInPauses(TryCounters counters, SchoolSessions sessions, TimeProvider clock)
{
    /// <summary>Each paused address (lower case) and when its longest pause ends.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> PausedAsync(IEnumerable<AdultAccount> accounts, CancellationToken ct)
    {
        var byKey = new Dictionary<string, string>();
        foreach (var account in accounts)
        {
            byKey[TryKeys.Password(account.Email)] = account.Email;
            byKey[TryKeys.TwoStep(account.Email)] = account.Email;
        }
        var paused = await counters.PausedAsync(byKey.Keys, ct);
        return paused.GroupBy(c => byKey[c.Id]).ToDictionary(g => g.Key, g => g.Max(c => c.LockedUntil!.Value));
    }

    public async Task UnpauseAsync(AdultAccount account, ClaimsPrincipal by, CancellationToken ct)
    {
        await counters.ClearAsync(TryKeys.Password(account.Email), ct);
        await counters.ClearAsync(TryKeys.TwoStep(account.Email), ct);
        await using var session = sessions.Current();
        session.Events.Append(account.PersonId, new SignInUnpaused(account.PersonId, by.PersonId(), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
