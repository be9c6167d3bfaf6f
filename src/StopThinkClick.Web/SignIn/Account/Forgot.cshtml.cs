using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.SignIn.Account;

/// <summary>
/// A forgotten password. With the school's mail server, a reset link goes to the address if it has
/// an open account — and the answer is the same either way, in the same time (the link is made in
/// the background, <see cref="ForgottenPasswords"/>), so this page tells nobody which addresses exist. Without one, the school office makes the link.
/// </summary>
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class ForgotModel(PasswordLinks links, ForgottenPasswords forgotten) : PageModel
{
    public bool CanEmail => links.CanEmail;
    public bool Sent { get; private set; }

    public void OnGet() { }

    public IActionResult OnPost(string? email)
    {
        if (!CanEmail) return Page();
        // Known or not, the page does the same: the link is made and sent in the background.
        forgotten.Ask(email);
        Sent = true;
        return Page();
    }
}
