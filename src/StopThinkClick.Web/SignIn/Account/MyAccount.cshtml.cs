using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.Web.SignIn.Account;

/// <summary>Any adult changes their own password here; the change ends their other sessions.</summary>
[Authorize(Policy = Policies.Adult)]
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class MyAccountModel(AdultAccounts accounts, AdultSignInService signIn) : PageModel
{
    public AdultAccount? Account { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }
    public bool TwoStepRequired => Account is not null && TwoStepRules.Required(Account.Role);

    public async Task OnGetAsync(CancellationToken ct) => Account = await accounts.FindAsync(User.Email(), ct);

    public async Task<IActionResult> OnPostAsync(string? current, string? password, string? again, CancellationToken ct)
    {
        Account = await accounts.FindAsync(User.Email(), ct);
        if (Account is null) return Forbid();
        if (await signIn.CurrentPasswordProblemAsync(Account, current, ct) is { } wrong) return Refuse(wrong);
        if (PasswordRules.Problem(password, again) is { } problem) return Refuse(problem);
        Account = await accounts.ChangeAsync(Account.Email, a => a with { PasswordHash = AdultSignInService.Hash(a, password!) }, ct, endOtherSessions: true);
        if (Account is null) return Forbid();
        // This session carries on with the new stamp; every other one has ended.
        await HttpContext.SignInAsync(Principals.ForAdult(Account, await signIn.DisplayNameAsync(Account, ct), User.PassedTwoStep()));
        Message = "your password is changed. You have been signed out everywhere else.";
        return Page();
    }

    PageResult Refuse(string message)
    {
        (Message, Refused) = (message, true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
