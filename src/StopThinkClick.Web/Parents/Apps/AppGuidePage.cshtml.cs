using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Parents.Apps;

/// <summary>Public: one app guide, with the day it was last checked and a plain note when it is due for another check.</summary>
public sealed class AppGuidePageModel(Catalogue catalogue, TimeProvider clock) : PageModel
{
    public AppGuide? Guide { get; private set; }
    public bool DueForReview { get; private set; }

    public IActionResult OnGet(string appId)
    {
        Guide = catalogue.AppGuide(appId);
        if (Guide is null) return NotFound();
        DueForReview = Guide.IsDueForReview(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }
}
