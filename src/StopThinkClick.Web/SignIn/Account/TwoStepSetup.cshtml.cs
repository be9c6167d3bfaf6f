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
/// two requests in an encrypted, time-limited form field. Turning it off is for roles that do not need it.
/// </summary>
[Authorize(Policy = Policies.Adult)]
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class TwoStepSetupModel(AdultAccounts accounts, AdultSignInService signIn, IDataProtectionProvider protection, TimeProvider clock) : PageModel
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

    public async Task<IActionResult> OnGetAsync(bool required, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (required && Account!.TotpSecret is null) Message = "your role needs two-step sign-in before safeguarding or admin pages open. It takes a minute.";
        if (Account!.TotpSecret is null) Offer(TwoStepRules.NewSecret());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? pending, string? code, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        string secret;
        try { secret = Protector.Unprotect(pending ?? ""); }
        catch (System.Security.Cryptography.CryptographicException) { Offer(TwoStepRules.NewSecret()); return Refuse("that took too long. Here is a new key: please scan it again."); }
        if (TwoStepRules.MatchingStep(secret, code, clock.GetUtcNow()) is not { } step)
        {
            Offer(secret);
            return Refuse("that code did not match. Check the app shows StopThinkClick, then type the six digits it shows now.");
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
        if (!AdultSignInService.PasswordMatches(Account, current)) return Refuse("your password is not right, so nothing was changed.");
        var account = await accounts.ChangeAsync(Account!.Email, a => a with { TotpSecret = null, RecoveryCodeHashes = [] }, ct, endOtherSessions: true);
        if (account is null) return Forbid();
        await HttpContext.SignInAsync(Principals.ForAdult(account, await signIn.DisplayNameAsync(account, ct)));
        Account = account;
        Offer(TwoStepRules.NewSecret());
        Message = "two-step sign-in is off.";
        return Page();
    }

    void Offer(string secret)
    {
        (Secret, PendingKey) = (secret, Protector.Protect(secret, clock.GetUtcNow().AddMinutes(15)));
        QrDataUri = QrCodes.DataUri(TwoStepRules.SetupUri(secret, Account!.Email));
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
