using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Platform.Layout;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn;

/// <summary>Step 3: the picture PIN. Wrong pictures get a kind "try again"; five in a row pause that pupil (see PupilSignInService).</summary>
[EnableRateLimiting(RateLimits.PupilSignIn)]
public sealed class PupilPicturesModel(PupilSignInService signIn) : PageModel
{
    public string Code { get; private set; } = "";
    public Pupil? Pupil { get; private set; }
    public int Length { get; private set; }
    public string? Message { get; private set; }
    public bool Locked { get; private set; }
    public string? Then { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid pupilId, string? then, CancellationToken ct)
    {
        Then = Url.IsLocalUrl(then) ? then : null;
        return await LoadAsync(code, pupilId, ct) is null ? Redirect("/pupil/signin?change=true") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid pupilId, string? pictures, string? then, CancellationToken ct)
    {
        Then = Url.IsLocalUrl(then) ? then : null;
        var found = await LoadAsync(code, pupilId, ct);
        if (found is null) return Redirect("/pupil/signin?change=true");

        var taps = (pictures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8).ToList();
        var (outcome, pupil) = await signIn.TryPinAsync(HttpContext, found, pupilId, taps, ct);
        switch (outcome)
        {
            case PinOutcome.SignedIn:
                await HttpContext.SignInAsync(pupil!.User, new AuthenticationProperties { IsPersistent = false });
                DisplayPreferences.Of(pupil.Preferences).Save(HttpContext);
                return LocalRedirect(Then is null ? "/pupil/reminder" : "/pupil/reminder?then=" + Uri.EscapeDataString(Then));
            case PinOutcome.LockedOut:
                Locked = true;
                Message = "those pictures were not right a few times. Let's take a little break. Ask your teacher to help you sign in.";
                return Page();
            case PinOutcome.ClassPaused or PinOutcome.AddressPaused:
                // A spray of guesses, not one child's slip: the whole class (or this device) rests a while.
                Locked = true;
                Message = "picture sign-in is taking a little break for your class. Ask your teacher to help you, or use your login card.";
                if (outcome == PinOutcome.AddressPaused) Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Message = "those pictures are not quite right. Have another go!";
                return Page();
        }
    }

    async Task<PupilSignInService.ClassForSignIn?> LoadAsync(string code, Guid pupilId, CancellationToken ct)
    {
        var found = await signIn.FindClassAsync(code, ct);
        Pupil = found?.Pupils.FirstOrDefault(p => p.Id == pupilId);
        if (found is null || Pupil is null) return null;
        Code = found.Class.ClassCode;
        Length = Pupil.SignIn.PinLength > 0 ? Pupil.SignIn.PinLength : PicturePin.LengthFor(found.Class.Band);
        return found;
    }
}
