using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Parents.Guides;

/// <summary>Public: any parent of the school can read the home guides without signing in.</summary>
public sealed class IndexModel(Catalogue catalogue) : PageModel
{
    public IReadOnlyList<Guide> Guides => catalogue.Guides;
}
