using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Live.Screens;

/// <summary>The teacher's own device: pacing, who answered what, worries. Reloading it brings the session back as it was.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ConsoleModel(LiveSessions sessions, PublicAddress address) : LivePageModel(sessions)
{
    public LiveView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadForTeacherAsync(sessionId, ct)) return NotFound();
        View = new LiveView(Live!, null, await address.ForTheRoomAsync(Request, User.SchoolId(), ct));
        return Page();
    }

    public async Task<IActionResult> OnGetSlideAsync(Guid sessionId, CancellationToken ct) =>
        await LoadForTeacherAsync(sessionId, ct)
            ? Partial("/Live/Screens/_ConsolePanel.cshtml", new LiveView(Live!, null, await address.ForTheRoomAsync(Request, User.SchoolId(), ct)))
            : NotFound();
}
