using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.Web.SignIn;

[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class AdultSignInModel(AdultSignInService signIn, TwoStepTickets tickets) : PageModel
{
    /// <summary>One message for a locked address whether or not it has an account (issue 13, item 11).</summary>
    public const string LockedMessage = "there have been too many wrong passwords for this e-mail address, so password-only sign-in is paused for a while. If you use two-step sign-in, type your password and the code from your app below to sign in now; otherwise use \"Forgotten your password?\" or ask your school office to let you back in.";

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    /// <summary>Asked for while the address is paused: the owner's second step lets them in regardless.</summary>
    [BindProperty] public string? Code { get; set; }
    public bool Paused { get; private set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Principals.HomeOf(User)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signIn.TryAsync(Email, Password, ct, Code);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        switch (result.Outcome)
        {
            case AdultSignInOutcome.LockedOut:
                (Message, Paused) = (LockedMessage, true);
                return Page();
            case AdultSignInOutcome.WrongDetails:
                Message = "that e-mail address and password do not match. Please check them and try again.";
                return Page();
            case AdultSignInOutcome.Deactivated:
                Message = "this account is no longer open. If you still work at the school, please ask the school office.";
                return Page();
            case AdultSignInOutcome.NeedsTwoStep:
                tickets.Issue(HttpContext, result.Account!);
                return LocalRedirect("/signin/code" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        }
        await HttpContext.SignInAsync(result.User!);
        // The safeguarding lead, deputies and admins need two-step sign-in before their own pages open.
        if (TwoStepRules.Required(result.Account!.Role) && !result.User!.PassedTwoStep()) return LocalRedirect("/account/two-step?required=true");
        return LocalRedirect(returnUrl ?? Principals.HomeOf(result.User!));
    }
}
