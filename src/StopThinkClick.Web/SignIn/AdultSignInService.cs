using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Identity;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn;

public enum AdultSignInOutcome { SignedIn, WrongDetails, LockedOut }

/// <summary>
/// Teachers, parents, the safeguarding lead and admins sign in with e-mail and password. Five
/// wrong passwords lock the account for fifteen minutes: enough to stop guessing, short enough
/// not to stop a lesson.
/// </summary>
public sealed class AdultSignInService(IDocumentStore store, TimeProvider clock)
{
    public const int MaxTries = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    static readonly PasswordHasher<AdultAccount> Hasher = new();
    static readonly string DummyHash = Hasher.HashPassword(new AdultAccount("", "", Guid.Empty, AdultRole.Teacher, ""), "not a password");

    public async Task<(AdultSignInOutcome Outcome, ClaimsPrincipal? User)> TryAsync(string? email, string? password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var account = string.IsNullOrWhiteSpace(email) ? null : await session.LoadAsync<AdultAccount>(AdultAccount.Normalise(email), ct);
        if (account is null)
        {
            // Same work as a real check, so the time taken does not tell which e-mails exist.
            Hasher.VerifyHashedPassword(null!, DummyHash, password ?? "");
            return (AdultSignInOutcome.WrongDetails, null);
        }
        if (account.LockedUntil > now) return (AdultSignInOutcome.LockedOut, null);

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var tries = account.FailedTries + 1;
            session.Store(account with { FailedTries = tries >= MaxTries ? 0 : tries, LockedUntil = tries >= MaxTries ? now + Lockout : null });
            await session.SaveChangesAsync(ct);
            return (tries >= MaxTries ? AdultSignInOutcome.LockedOut : AdultSignInOutcome.WrongDetails, null);
        }
        if (account.FailedTries > 0 || account.LockedUntil is not null)
        {
            session.Store(account with { FailedTries = 0, LockedUntil = null });
            await session.SaveChangesAsync(ct);
        }
        return (AdultSignInOutcome.SignedIn, Principals.ForAdult(account, await DisplayNameAsync(account, ct)));
    }

    async Task<string> DisplayNameAsync(AdultAccount account, CancellationToken ct)
    {
        await using var school = store.QuerySession(account.SchoolId);
        return account.Role == AdultRole.Parent
            ? (await school.LoadAsync<Parent>(account.PersonId, ct))?.DisplayName ?? account.Email
            : (await school.LoadAsync<StaffMember>(account.PersonId, ct))?.DisplayName ?? account.Email;
    }
}
