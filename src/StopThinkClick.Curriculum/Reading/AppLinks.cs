using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// Links between content files and the app's own pages for families: a lesson that links an app
/// guide or a year's home guide must link one that exists, or a parent meets a page that isn't there.
/// </summary>
public static class AppLinks
{
    public const string AppGuides = "/apps/";
    public const string YearGuides = "/guides/";

    public static string PathOf(string appGuideId) => AppGuides + appGuideId;

    /// <summary>What is wrong with a link to one of the app's pages, or null when it goes somewhere that exists.</summary>
    public static (string What, string Fix)? Problem(string path, Catalogue catalogue)
    {
        var bare = path.Split('#', '?')[0].TrimEnd('/');
        if (bare.StartsWith(AppGuides, StringComparison.Ordinal))
        {
            var id = bare[AppGuides.Length..];
            return catalogue.AppGuide(id) is not null ? null
                : ($"the app guide '{id}' does not exist",
                   "link one of the guides in content/guides/apps/ (" + string.Join(", ", catalogue.AppGuides.Select(a => a.Id)) + "), or write that guide first");
        }
        if (bare.StartsWith(YearGuides, StringComparison.Ordinal))
        {
            var band = bare[YearGuides.Length..];
            return Bands.TryParse(band, out var b) && catalogue.GuideFor(b) is not null ? null
                : ($"there is no home guide at '{bare}'", "link a year's home guide as /guides/eyfs, /guides/y1 … /guides/y6");
        }
        return null;
    }
}
