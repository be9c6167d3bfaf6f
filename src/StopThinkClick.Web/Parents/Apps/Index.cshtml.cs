using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Parents.Apps;

/// <summary>Public: every app guide, so a parent can look an app up before saying yes to it.</summary>
public sealed class IndexModel(Catalogue catalogue) : PageModel
{
    public IReadOnlyList<AppGuide> Guides => catalogue.AppGuides;

    /// <summary>"Year 3 to Year 6": the years whose children commonly use the app.</summary>
    public string Years(AppGuide guide) =>
        guide.Bands.Count == 1 ? guide.FirstBand.ShortName() : $"{guide.FirstBand.ShortName()} to {guide.Bands[^1].ShortName()}";
}
