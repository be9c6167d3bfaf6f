using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Layout;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Pupils;

/// <summary>The dyslexia-friendly font and bigger words, saved on the pupil so they follow them to any tablet.</summary>
[Authorize(Policy = Policies.Pupil)]
public sealed class SettingsModel(SchoolSessions sessions) : PageModel
{
    public bool DyslexiaFont { get; private set; }
    public bool LargerText { get; private set; }
    public bool Saved { get; private set; }

    public void OnGet()
    {
        var current = DisplayPreferences.From(HttpContext);
        (DyslexiaFont, LargerText) = (current.DyslexiaFont, current.LargerText);
    }

    public async Task<IActionResult> OnPostAsync(bool dyslexiaFont, bool largerText, CancellationToken ct)
    {
        await using var session = sessions.Current();
        var pupil = await session.LoadAsync<Pupil>(User.PersonId(), ct);
        if (pupil is null) return NotFound();
        session.Store(pupil with { Preferences = new PupilPreferences { DyslexiaFont = dyslexiaFont, LargerText = largerText } });
        await session.SaveChangesAsync(ct);
        new DisplayPreferences(dyslexiaFont, largerText).Save(HttpContext);
        (DyslexiaFont, LargerText, Saved) = (dyslexiaFont, largerText, true);
        return Page();
    }
}
