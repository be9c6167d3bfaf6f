using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Curriculum.Public;

/// <summary>The school admin turns the public curriculum page on or off (off by default).</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class ShareCurriculumModel(SchoolSessions sessions, TimeProvider clock, PublicAddress address) : PageModel
{
    public bool Public { get; private set; }
    public string PublicPath { get; private set; } = "";
    public string PublicUrl { get; private set; } = "";
    public DateTimeOffset? ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public string? Message { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (saved) Message = Public ? "the curriculum is published on its public page." : "the curriculum is not published.";
    }

    public async Task<IActionResult> OnPostAsync(bool publish, CancellationToken ct)
    {
        await using var session = sessions.Current();
        session.Store(new CurriculumSharing(sessions.CurrentSchoolId(), publish, User.PersonId(), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        // Post, redirect, get: a reload does not post again.
        return RedirectToPage(new { saved = true });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        var sharing = await school.LoadAsync<CurriculumSharing>(sessions.CurrentSchoolId(), ct);
        Public = sharing?.Public == true;
        PublicPath = CurriculumSharing.PathFor(sessions.CurrentSchoolId());
        // The address the school puts on its website: the configured one, never the Host this request named.
        PublicUrl = address.Of(PublicPath);
        if (sharing is not null)
        {
            ChangedAt = sharing.ChangedAt;
            ChangedBy = (await school.LoadAsync<StaffMember>(sharing.ChangedBy, ct))?.DisplayName ?? "a member of staff";
        }
    }
}
