using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Live.Join;

/// <summary>
/// A join code (typed, or scanned from the board's QR code) leads to the session. A signed-in pupil
/// of that class goes straight in; anyone else signs in first — with that class already chosen.
/// Unknown or expired codes get a kind message; guessing is rate-limited.
/// </summary>
[EnableRateLimiting(RateLimits.PupilSignIn)]
public sealed class JoinByCodeModel(IDocumentStore store, WrongCodeGuard guard) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public string? Message { get; private set; }

    /// <summary>With a code in the address (the board's QR code), join at once.</summary>
    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct) => code is null ? Page() : await JoinAsync(code, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await JoinAsync(Code, ct);

    async Task<IActionResult> JoinAsync(string? code, CancellationToken ct)
    {
        Code = code?.Trim();
        if (guard.Blocked(HttpContext))
        {
            Message = WrongCodeGuard.Message;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        JoinCodeEntry? entry = null;
        if (Code is { Length: 6 } && Code.All(char.IsAsciiDigit))
        {
            await using var directory = store.QuerySession();
            entry = await directory.LoadAsync<JoinCodeEntry>(Code, ct);
        }
        if (entry is null)
        {
            guard.Wrong(HttpContext);
            Message = "that code does not match a live lesson. Check the numbers on the board. (A code stops working when the lesson ends.)";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var target = $"/live/{entry.SessionId}/pupil";
        if (User.IsInRole(Roles.Pupil) && User.SchoolId() == entry.SchoolId && User.ClassId() == entry.ClassId)
            return LocalRedirect(target);
        if (User.IsInRole(Roles.Pupil))
        {
            Message = "this live lesson is for another class.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        await using var school = store.QuerySession(entry.SchoolId);
        var schoolClass = await school.LoadAsync<SchoolClass>(entry.ClassId, ct);
        return schoolClass is null ? NotFound() : Redirect($"/pupil/signin/{schoolClass.ClassCode}?then={Uri.EscapeDataString(target)}");
    }
}
