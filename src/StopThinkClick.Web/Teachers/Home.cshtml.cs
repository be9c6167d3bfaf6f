using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers;

[Authorize(Policy = Policies.Staff)]
public sealed class HomeModel(SchoolSessions sessions) : PageModel
{
    public IReadOnlyList<SchoolClass> Classes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Classes = await TeacherClasses.OfAsync(school, User, ct);
    }
}
