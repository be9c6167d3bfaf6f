using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.SignIn.Account;

/// <summary>
/// A welcome or reset link: the person chooses their own password. A wrong, used or expired link
/// gets a kind explanation and changes nothing; guessed links count as wrong codes.
/// </summary>
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class SetPasswordModel(PasswordLinks links, WrongCodeGuard guard) : PageModel
{
    public string? Message { get; private set; }
    public bool Usable { get; private set; }
    public bool Done { get; private set; }
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken ct)
    {
        await CheckAsync(secret, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, string? password, string? again, CancellationToken ct)
    {
        if (!await CheckAsync(secret, ct)) return Page();
        if (PasswordRules.Problem(password, again) is { } problem) return Refuse(problem);
        var (outcome, _) = await links.RedeemAsync(secret, password!, ct);
        if (outcome != LinkOutcome.Done)
        {
            Usable = false;
            return Refuse(Explain(outcome));
        }
        (Done, Usable) = (true, false);
        return Page();
    }

    async Task<bool> CheckAsync(string secret, CancellationToken ct)
    {
        if (guard.Blocked(HttpContext))
        {
            Refuse(WrongCodeGuard.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return false;
        }
        var (outcome, link) = await links.CheckAsync(secret, ct);
        if (outcome == LinkOutcome.Unknown) guard.Wrong(HttpContext);
        if (outcome != LinkOutcome.Done)
        {
            Refuse(Explain(outcome));
            return false;
        }
        (Usable, Email) = (true, link!.Email);
        return true;
    }

    static string Explain(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Used => "this link has already been used, so it cannot be used again. If that was not you, please tell the school office at once.",
        LinkOutcome.Expired => "this link has run out. Please ask the school office for a new one.",
        LinkOutcome.Retired => "a newer link has been made for this address since, so this one no longer works. Please use the newest link you were sent.",
        LinkOutcome.Closed => "this account is no longer open. Please ask the school office.",
        _ => "we can't find that link. Please check you copied all of it, or ask the school office for a new one.",
    };

    PageResult Refuse(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
