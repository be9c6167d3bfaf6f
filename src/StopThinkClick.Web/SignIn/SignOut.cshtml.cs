using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Layout;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.SignIn;

/// <summary>
/// Signing out ends the session on the server too (a new stamp), so a copy of the cookie saved
/// before — on a shared computer, in a browser's history — opens nothing. It signs the person out
/// of their other devices as well: simpler to trust than a list of sessions. A shared tablet goes
/// back to the class's names, ready for the next child.
/// </summary>
public sealed class SignOutModel(SessionStamps stamps, AdultAccounts accounts) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var wasPupil = User.IsInRole(Roles.Pupil);
        if (wasPupil) await stamps.RenewPupilsAsync(User.SchoolId(), [User.PersonId()], ct);
        else if (User.Identity?.IsAuthenticated == true) await accounts.ChangeAsync(User.Email(), a => a, ct, endOtherSessions: true);
        await HttpContext.SignOutAsync();
        Response.Cookies.Delete(DisplayPreferences.CookieName);
        return LocalRedirect(wasPupil ? "/pupil/signin" : "/");
    }
}
