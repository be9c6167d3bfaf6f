using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Platform.Security;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn;

/// <summary>Step 2: the class's names, first name and initial only, as big buttons with each child's picture.</summary>
[EnableRateLimiting(RateLimits.PupilSignIn)]
[AllowsCamera]
public sealed class PupilPickNameModel(PupilSignInService signIn, WrongCodeGuard guard) : PageModel
{
    public PupilSignInService.ClassForSignIn? Found { get; private set; }

    /// <summary>Each child's picture and name, told apart when two are alike.</summary>
    public IReadOnlyList<NameButton> Names { get; private set; } = [];

    /// <summary>Where to go after signing in (a live lesson joined by QR code); local paths only.</summary>
    public string? Then { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? then, CancellationToken ct)
    {
        Then = Url.IsLocalUrl(then) ? then : null;
        // The names of a class are what a class code unlocks: guessed codes here count, as on the form.
        if (guard.Blocked(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        Found = await signIn.FindClassAsync(code, ct);
        if (Found is null)
        {
            var retired = await signIn.IsRetiredCodeAsync(code, ct);
            if (!retired) guard.Wrong(HttpContext);
            Response.Cookies.Delete(PupilClassCodeModel.RememberedClassCookie);
            return Redirect(retired ? "/pupil/signin?change=true&changed=true" : "/pupil/signin?change=true");
        }
        Names = NameButtons.For(Found.Pupils);
        return Page();
    }
}
