using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace StopThinkClick.Web.SignIn.TwoStep;

/// <summary>The second step: the six-digit code from the authenticator app, or one recovery code.</summary>
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class SignInCodeModel(TwoStepTickets tickets, AdultAccounts accounts, TwoStepCheck check, AdultSignInService signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public IActionResult OnGet() => tickets.Read(HttpContext) is null ? LocalRedirect("/signin") : Page();

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        var ticket = tickets.Read(HttpContext);
        var account = ticket is null ? null : await accounts.FindAsync(ticket.Value.Email, ct);
        if (account is null || account.Deactivated || account.SecurityStamp != ticket!.Value.Stamp || account.TotpSecret is null)
        {
            TwoStepTickets.Clear(HttpContext);
            Message = "that took a little too long. Please sign in again with your password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        switch (await check.CheckAsync(account, code, ct))
        {
            case TwoStepOutcome.LockedOut:
                Message = "there have been too many wrong codes. Please wait 15 minutes and try again, or ask your school office.";
                return Page();
            case TwoStepOutcome.Wrong:
                Message = "that code did not work. Type the six digits your authenticator app shows now, or one of your recovery codes.";
                return Page();
        }
        TwoStepTickets.Clear(HttpContext);
        var user = Principals.ForAdult(account, await signIn.DisplayNameAsync(account, ct), twoStep: true);
        await HttpContext.SignInAsync(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Principals.HomeOf(user));
    }
}
