using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Platform.Security;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn;

/// <summary>
/// Step 1 of signing in without a card: the class code. The tablet remembers it, so next time
/// the child goes straight to the names (a Reception class cannot type codes). A child with a
/// login card can instead press "Scan my card": the tablet's camera reads the card's QR code on the
/// tablet itself (wwwroot/js/card-scanner.js), so this is the one page allowed the camera.
/// </summary>
[EnableRateLimiting(RateLimits.PupilSignIn)]
[AllowsCamera]
public sealed class PupilClassCodeModel(PupilSignInService signIn, WrongCodeGuard guard) : PageModel
{
    public const string RememberedClassCookie = "stc.class";

    const string ChangedMessage = "your class has a new class code. Ask your teacher for it, then type it here.";

    [BindProperty] public string? Code { get; set; }
    public string? Message { get; private set; }

    public IActionResult OnGet(bool change = false, bool changed = false)
    {
        if (User.IsInRole(Roles.Pupil)) return LocalRedirect("/pupil");
        if (changed) Message = ChangedMessage;
        var remembered = Request.Cookies[RememberedClassCookie];
        if (!change && !string.IsNullOrEmpty(remembered)) return Redirect($"/pupil/signin/{Uri.EscapeDataString(remembered)}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (guard.Blocked(HttpContext))
        {
            Message = WrongCodeGuard.Message;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var found = await signIn.FindClassAsync(Code, ct);
        if (found is null)
        {
            if (await signIn.IsRetiredCodeAsync(Code, ct))
            {
                Message = ChangedMessage;
                return Page();
            }
            guard.Wrong(HttpContext);
            Message = "we can't find that class code. Check the code on the board and try again, or ask your teacher.";
            return Page();
        }
        Response.Cookies.Append(RememberedClassCookie, found.Class.ClassCode, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(180), IsEssential = true,
        });
        return Redirect($"/pupil/signin/{Uri.EscapeDataString(found.Class.ClassCode)}");
    }
}
