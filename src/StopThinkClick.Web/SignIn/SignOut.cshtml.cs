using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Layout;

namespace StopThinkClick.Web.SignIn;

/// <summary>Signing out of a shared tablet goes back to the class's names, ready for the next child.</summary>
public sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var wasPupil = User.IsInRole(Roles.Pupil);
        await HttpContext.SignOutAsync();
        Response.Cookies.Delete(DisplayPreferences.CookieName);
        return LocalRedirect(wasPupil ? "/pupil/signin" : "/");
    }
}
