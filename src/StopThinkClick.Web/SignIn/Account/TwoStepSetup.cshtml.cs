using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.Web.SignIn.Account;

/// <summary>
/// Setting up two-step sign-in: a new key as a QR code drawn here (never by a third party), a
/// first code to prove the app has it, then recovery codes shown once. The key waits between the
/// two requests in an encrypted, time-limited form field bound to this account. Replacing a key
/// needs the current key's code or a recovery code (counted like a sign-in code): an open laptop or
/// a stolen cookie must not move someone's second step onto another phone. Turning it off is for
/// roles that do not need it.
/// </summary>
[Authorize(Policy = Policies.Adult)]
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class TwoStepSetupModel(AdultAccounts accounts, AdultSignInService signIn, TwoStepCheck check, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    ITimeLimitedDataProtector Protector => protection.CreateProtector("stc.two-step-setup").ToTimeLimitedDataProtector();

    public AdultAccount? Account { get; private set; }
    public bool Required { get; private set; }
    public string? PendingKey { get; private set; }
    public string? Secret { get; private set; }
    public string? QrDataUri { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    /// <summary>A new key is offered while one is on: the form also asks for the current code.</summary>
    public bool Replacing => Account?.TotpSecret is not null && PendingKey is not null;

    public async Task<IActionResult> OnGetAsync(bool required, bool replace, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (required && Account!.TotpSecret is null) Message = "your role needs two-step sign-in before safeguarding or admin pages open. It takes a minute.";
        if (Account!.TotpSecret is null || replace) Offer(TwoStepRules.NewSecret());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? pending, string? code, string? current, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (Unprotect(pending) is not { } secret) { Offer(TwoStepRules.NewSecret()); return Refuse("that took too long. Here is a new key: please scan it again."); }
        if (TwoStepRules.MatchingStep(secret, code, clock.GetUtcNow()) is not { } step)
        {
            Offer(secret);
            return Refuse("that code did not match. Check the app shows StopThinkClick, then type the six digits it shows now.");
        }
        if (Account!.TotpSecret is not null)
        {
            // Only someone who has the key now may replace it (or a recovery code, if the phone is lost).
            var outcome = await check.CheckAsync(Account, current, ct);
            if (outcome != TwoStepOutcome.Passed)
            {
                Offer(secret);
                return Refuse(outcome == TwoStepOutcome.LockedOut
                    ? "there have been too many wrong codes. Please wait 15 minutes and try again, or ask your school office."
                    : "to replace your key, also type the current code from your old authenticator app, or one of your recovery codes. Nothing was changed.");
            }
        }
        var codes = TwoStepRules.NewRecoveryCodes();
        var account = await accounts.ChangeAsync(Account!.Email, a => a with
        {
            TotpSecret = secret, LastTotpStep = step, RecoveryCodeHashes = codes.Select(TwoStepRules.HashRecoveryCode).ToList(),
        }, ct, endOtherSessions: true);
        if (account is null) return Forbid();
        await HttpContext.SignInAsync(Principals.ForAdult(account, await signIn.DisplayNameAsync(account, ct), twoStep: true));
        (Account, RecoveryCodes) = (account, codes);
        Message = "two-step sign-in is on. Keep these recovery codes somewhere safe: each works once if you lose your phone.";
        return Page();
    }

    public async Task<IActionResult> OnPostOffAsync(string? current, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (Required) return Refuse("your role needs two-step sign-in, so it stays on.");
        if (await signIn.CurrentPasswordProblemAsync(Account!, current, ct) is { } wrong) return Refuse(wrong);
        var account = await accounts.ChangeAsync(Account!.Email, a => a with { TotpSecret = null, RecoveryCodeHashes = [] }, ct, endOtherSessions: true);
        if (account is null) return Forbid();
        await HttpContext.SignInAsync(Principals.ForAdult(account, await signIn.DisplayNameAsync(account, ct)));
        Account = account;
        Offer(TwoStepRules.NewSecret());
        Message = "two-step sign-in is off.";
        return Page();
    }

    // The pending key names its account: one offered to somebody else's session is not accepted here.
    void Offer(string secret)
    {
        (Secret, PendingKey) = (secret, Protector.Protect(Account!.Email + "\n" + secret, clock.GetUtcNow().AddMinutes(15)));
        QrDataUri = QrCodes.DataUri(TwoStepRules.SetupUri(secret, Account!.Email));
    }

    string? Unprotect(string? pending)
    {
        try
        {
            var parts = Protector.Unprotect(pending ?? "").Split('\n');
            return parts is [var email, var secret] && email == Account!.Email ? secret : null;
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        Account = await accounts.FindAsync(User.Email(), ct);
        Required = Account is not null && TwoStepRules.Required(Account.Role);
        return Account is not null;
    }

    PageResult Refuse(string message)
    {
        (Message, Refused) = (message, true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
