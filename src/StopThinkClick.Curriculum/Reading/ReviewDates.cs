using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// Apps change their ages, settings and report buttons often, so a family guide says when it was
/// last checked. One more than six months past that date still works, but the check says it is due.
/// </summary>
public static class ReviewDates
{
    static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    public static IEnumerable<ContentProblem> Warnings(Catalogue catalogue, DateOnly today)
    {
        var dated = catalogue.AppGuides.Select(a => (Item: (ContentItem)a, Reviewed: (DateOnly?)a.Reviewed))
            .Concat(catalogue.Guides.Where(g => g.Reviewed is not null).Select(g => (Item: (ContentItem)g, g.Reviewed)));
        foreach (var (item, reviewed) in dated)
        {
            if (reviewed is not { } date || date == DateOnly.MinValue) continue;
            if (date > today)
                yield return new ContentProblem(item.SourceFile, item.ReviewedLine, $"the review date {date.ToString("yyyy-MM-dd", Invariant)} is in the future",
                    "set 'reviewed:' to the day the guide was last checked");
            else if (date.AddMonths(AppGuide.ReviewEveryMonths) < today)
                yield return new ContentProblem(item.SourceFile, item.ReviewedLine,
                    $"the guide was last reviewed on {date.ToString("d MMMM yyyy", Invariant)}, more than {AppGuide.ReviewEveryMonths} months ago",
                    "check the app's age limits, settings and report buttons again, update the guide, then set 'reviewed:' to today's date");
        }
    }
}
