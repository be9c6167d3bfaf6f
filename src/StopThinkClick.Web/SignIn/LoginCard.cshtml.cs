using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Platform.Layout;

namespace StopThinkClick.Web.SignIn;

/// <summary>
/// Scanning a login card opens this page, which signs the pupil straight in. A forged card, or
/// one replaced by a newer print, gets a kind explanation (and a 404, so it tells a guesser nothing).
/// </summary>
[EnableRateLimiting(RateLimits.PupilSignIn)]
public sealed class LoginCardModel(PupilSignInService signIn, WrongCodeGuard guard) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken ct)
    {
        if (guard.Blocked(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var pupil = await signIn.TryCardAsync(secret, ct);
        if (pupil is null)
        {
            guard.Wrong(HttpContext);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await HttpContext.SignOutAsync();
        await HttpContext.SignInAsync(pupil.User);
        DisplayPreferences.Of(pupil.Preferences).Save(HttpContext);
        return LocalRedirect("/pupil/reminder");
    }
}
