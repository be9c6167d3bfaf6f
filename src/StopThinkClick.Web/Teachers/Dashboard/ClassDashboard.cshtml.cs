using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers.Dashboard;

/// <summary>
/// The class at a glance, from the projected coverage rows (not by folding each pupil's progress): each pupil by strand, who has not signed the AUP,
/// who missed live sessions, and what to teach next so the class covers every strand for its band.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ClassDashboardModel(SchoolSessions sessions, ClassOverviews overviews) : PageModel
{
    public ClassOverview Overview { get; private set; } = null!;
    public IReadOnlyList<Strand> Strands => StopThinkClick.Curriculum.Model.Strands.All;

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        // The overview carries the class as it is now (its version is checked on every request), so who may teach it is never out of date.
        var overview = await overviews.ForAsync(school, classId, ct);
        if (overview is null || !TeacherClasses.MayTeach(User, overview.Class)) return NotFound();
        Overview = overview;
        return Page();
    }
}
