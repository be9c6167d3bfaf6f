using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace StopThinkClick.Web.SignIn;

[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class AdultSignInModel(AdultSignInService signIn) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Principals.HomeOf(User)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, user) = await signIn.TryAsync(Email, Password, ct);
        switch (outcome)
        {
            case AdultSignInOutcome.LockedOut:
                Message = "there have been too many wrong passwords for this account. Please wait 15 minutes and try again, or ask your school office.";
                return Page();
            case AdultSignInOutcome.WrongDetails:
                Message = "that e-mail address and password do not match. Please check them and try again.";
                return Page();
        }
        await HttpContext.SignInAsync(user!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Principals.HomeOf(user!));
    }
}
