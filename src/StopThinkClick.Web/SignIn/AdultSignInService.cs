using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Identity;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.Web.SignIn;

public enum AdultSignInOutcome { SignedIn, NeedsTwoStep, WrongDetails, LockedOut, Deactivated }

public sealed record AdultSignInResult(AdultSignInOutcome Outcome, AdultAccount? Account = null, ClaimsPrincipal? User = null);

/// <summary>
/// Teachers, parents, the safeguarding lead and admins sign in with e-mail and password, then a
/// two-step code where they have set one up. Tries are counted per e-mail address in the database
/// (<see cref="TryCounters"/>), before the password is checked and whether or not the address has
/// an account: five wrong, then 15 minutes, an hour, a day. Known and unknown addresses get the
/// same answers, in the same time. A pause somebody else's guessing caused does not keep the owner
/// out: with the right password and a right two-step code in the same try they are let in (the code
/// is only looked at, and counted, once the password is right, so a guesser cannot spend it), and a
/// password link they used ends the pause too (<see cref="Links.PasswordLinks"/>).
/// </summary>
public sealed class AdultSignInService(IDocumentStore store, AdultAccounts accounts, TryCounters counters, TwoStep.TwoStepCheck twoStep)
{
    public const int MaxTries = 5;
    static readonly PasswordHasher<AdultAccount> Hasher = new();
    static readonly string DummyHash = Hasher.HashPassword(new AdultAccount("", "", Guid.Empty, AdultRole.Teacher, ""), "not a password");

    public static string Hash(AdultAccount account, string password) => Hasher.HashPassword(account, password);

    public static bool PasswordMatches(AdultAccount? account, string? password)
    {
        if (account is not { HasPassword: true })
        {
            // Same work as a real check, so the time taken does not tell which e-mails exist.
            Hasher.VerifyHashedPassword(null!, DummyHash, password ?? "");
            return false;
        }
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "") != PasswordVerificationResult.Failed;
    }

    public async Task<AdultSignInResult> TryAsync(string? email, string? password, CancellationToken ct, string? code = null)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 200)
        {
            PasswordMatches(null, password);
            return new(AdultSignInOutcome.WrongDetails);
        }
        var counted = await counters.CountAsync(TryKeys.Password(email), TryPolicy.Adult, ct);
        var account = await accounts.FindAsync(email, ct);
        if (!counted.Allowed) return await PausedAsync(account, password, code, ct);

        if (!PasswordMatches(account, password))
            return new(counted.WasLast ? AdultSignInOutcome.LockedOut : AdultSignInOutcome.WrongDetails);
        await counters.SucceededAsync(TryKeys.Password(email), ct);

        // Only someone who knows the password learns that the account has been closed.
        if (account!.Deactivated) return new(AdultSignInOutcome.Deactivated);
        if (account.TotpSecret is not null) return new(AdultSignInOutcome.NeedsTwoStep, account);
        return new(AdultSignInOutcome.SignedIn, account, Principals.ForAdult(account, await DisplayNameAsync(account, ct)));
    }

    /// <summary>
    /// The address is paused. The password is checked all the same (same time for every address) but
    /// its answer is never told on its own: only the right password with a right two-step code lets
    /// the owner in, and anything else reads as "paused".
    /// </summary>
    async Task<AdultSignInResult> PausedAsync(AdultAccount? account, string? password, string? code, CancellationToken ct)
    {
        var right = PasswordMatches(account, password);
        if (!right || account is not { Deactivated: false, TotpSecret: not null } || string.IsNullOrWhiteSpace(code)) return new(AdultSignInOutcome.LockedOut);
        if (await twoStep.CheckAsync(account, code, ct) != TwoStep.TwoStepOutcome.Passed) return new(AdultSignInOutcome.LockedOut);
        await counters.SucceededAsync(TryKeys.Password(account.Email), ct);
        return new(AdultSignInOutcome.SignedIn, account, Principals.ForAdult(account, await DisplayNameAsync(account, ct), twoStep: true));
    }

    /// <summary>
    /// "Type your current password" on My account and when turning two-step sign-in off: counted on
    /// the same counter as signing in, so a stolen cookie cannot guess the password there unchecked.
    /// </summary>
    public async Task<string?> CurrentPasswordProblemAsync(AdultAccount account, string? password, CancellationToken ct)
    {
        var counted = await counters.CountAsync(TryKeys.Password(account.Email), TryPolicy.Adult, ct);
        if (!counted.Allowed) return PausedMessage;
        if (!PasswordMatches(account, password)) return counted.WasLast ? PausedMessage : "your current password is not right, so nothing was changed.";
        await counters.SucceededAsync(TryKeys.Password(account.Email), ct);
        return null;
    }

    public const string PausedMessage = "there have been too many wrong passwords for this account, so nothing can be changed for a while. Please try again later.";

    public async Task<string> DisplayNameAsync(AdultAccount account, CancellationToken ct)
    {
        await using var school = store.QuerySession(account.SchoolId);
        return account.Role == AdultRole.Parent
            ? (await school.LoadAsync<Parent>(account.PersonId, ct))?.DisplayName ?? account.Email
            : (await school.LoadAsync<StaffMember>(account.PersonId, ct))?.DisplayName ?? account.Email;
    }
}
