namespace StopThinkClick.Curriculum.Model;

/// <summary>
/// A guide for families to one app or game children use (Roblox, WhatsApp …), dated because apps
/// change their ages and settings often: the content check warns when one is more than six months
/// past its review. Lessons and stories name the guides for the apps where their topic happens
/// (<c>apps:</c>), and parents see them beside the home note.
/// </summary>
public sealed record AppGuide(
    string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile,
    string App,
    int? MinimumAge,
    string? AgeRating,
    DateOnly Reviewed,
    IReadOnlyList<GuideSection> Sections) : ContentItem(Id, Title, Bands, SourceFile)
{
    public override ContentKind Kind => ContentKind.AppGuide;

    public static IReadOnlyList<string> Headings { get; } =
        ["What it is", "Minimum age", "What can go wrong", "Settings to change", "How to report"];

    /// <summary>Apps change fast: a guide older than this is due for another look.</summary>
    public const int ReviewEveryMonths = 6;

    public bool IsDueForReview(DateOnly today) => Reviewed.AddMonths(ReviewEveryMonths) < today;

    /// <summary>"13+" or "No minimum age": what the app's own terms say for the UK.</summary>
    public string MinimumAgeText => MinimumAge is { } age ? $"{age}+" : "No minimum age";
}
