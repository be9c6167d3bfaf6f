using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Parents.Guides;

public sealed class GuideModel(Catalogue catalogue) : PageModel
{
    public Guide? Guide { get; private set; }
    public IReadOnlyList<AppGuide> Apps { get; private set; } = [];

    public IActionResult OnGet(string band)
    {
        Guide = Bands.TryParse(band, out var b) ? catalogue.GuideFor(b) : null;
        if (Guide is not null) Apps = catalogue.AppGuidesFor(b).ToList();
        return Guide is null ? NotFound() : Page();
    }
}
