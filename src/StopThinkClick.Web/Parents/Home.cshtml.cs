using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents;

[Authorize(Policy = Policies.Parent)]
public sealed class HomeModel(SchoolSessions sessions) : PageModel
{
    public IReadOnlyList<ParentChildren.Child> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Children = await ParentChildren.OfAsync(school, User, ct);
    }
}
