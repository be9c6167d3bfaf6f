using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Live.Screens;

/// <summary>A pupil's live screen, with its "I'm worried" button: never kept by the browser, like every worry page.</summary>
[Authorize(Policy = Policies.Pupil)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
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
