using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Live.Screens;

[Authorize(Policy = Policies.Pupil)]
public sealed class PupilScreenModel(LiveSessions sessions) : LivePageModel(sessions)
{
    public LiveView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadForPupilAsync(sessionId, ct)) return NotFound();
        View = new LiveView(Live!, User.PersonId(), "");
        return Page();
    }

    public async Task<IActionResult> OnGetSlideAsync(Guid sessionId, CancellationToken ct) =>
        await LoadForPupilAsync(sessionId, ct) ? Partial("/Live/Screens/_PupilSlide.cshtml", new LiveView(Live!, User.PersonId(), "")) : NotFound();
}
