using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.SignIn.Account;

/// <summary>
/// A forgotten password. With the school's mail server, a reset link goes to the address if it has
/// an open account — and the answer is the same either way, so this page tells nobody which
/// addresses exist. Without one, the school office makes the link.
/// </summary>
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class ForgotModel(PasswordLinks links, AdultAccounts accounts) : PageModel
{
    public bool CanEmail => links.CanEmail;
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken ct)
    {
        if (!CanEmail) return Page();
        var account = await accounts.FindAsync(email, ct);
        if (account is { Deactivated: false }) await links.IssueAsync(account.Email, PasswordLinkKind.Reset, null, ct);
        Sent = true;
        return Page();
    }
}
