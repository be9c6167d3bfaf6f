using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Layout;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Pupils;

/// <summary>The dyslexia-friendly font, bigger words and pages that read themselves aloud, saved on the pupil so they follow them to any tablet.</summary>
[Authorize(Policy = Policies.Pupil)]
public sealed class SettingsModel(SchoolSessions sessions) : PageModel
{
    public bool DyslexiaFont { get; private set; }
    public bool LargerText { get; private set; }
    public bool ReadOnArrival { get; private set; }
    public bool Saved { get; private set; }

    /// <summary>The child's picture on the sign-in screen; they may pick another of the drawn ones.</summary>
    public string Avatar { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using (var session = sessions.Current())
            Avatar = (await session.LoadAsync<Pupil>(User.PersonId(), ct))?.AvatarPicture ?? "";
        var current = DisplayPreferences.From(HttpContext);
        (DyslexiaFont, LargerText, ReadOnArrival) = (current.DyslexiaFont, current.LargerText, current.ReadsOnArrival(User.Band()));
    }

    public async Task<IActionResult> OnPostAsync(bool dyslexiaFont, bool largerText, bool readOnArrival, string? avatar, CancellationToken ct)
    {
        var preferences = new PupilPreferences { DyslexiaFont = dyslexiaFont, LargerText = largerText, ReadOnArrival = readOnArrival };
        var found = await LostRace.RetryAsync(5, async () =>
        {
            await using var session = sessions.Current();
            var pupil = await session.LoadAsync<Pupil>(User.PersonId(), ct);
            if (pupil is null) return false;
            pupil = pupil with { Preferences = preferences, Avatar = Avatars.IsAvatar(avatar) ? avatar : pupil.Avatar };
            session.Store(pupil); // checked against the version read: a new card printed meanwhile is not undone
            Avatar = pupil.AvatarPicture;
            await session.SaveChangesAsync(ct);
            return true;
        });
        if (!found) return NotFound();
        DisplayPreferences.Of(preferences).Save(HttpContext);
        (DyslexiaFont, LargerText, ReadOnArrival, Saved) = (dyslexiaFont, largerText, readOnArrival, true);
        return Page();
    }
}
