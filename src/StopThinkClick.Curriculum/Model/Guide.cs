namespace StopThinkClick.Curriculum.Model;

/// <summary>Home guidance for the parents of one band, in five fixed parts.</summary>
public sealed record Guide(
    string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile,
    IReadOnlyList<GuideSection> Sections) : ContentItem(Id, Title, Bands, SourceFile)
{
    public override ContentKind Kind => ContentKind.Guide;

    /// <summary>When the guide was last checked (optional <c>reviewed:</c>); the check warns six months on.</summary>
    public DateOnly? Reviewed { get; init; }

    public static IReadOnlyList<string> Headings { get; } =
        ["What your child is learning", "Talk about it", "A family agreement", "Settings worth checking", "Where to get help"];
}

public sealed record GuideSection(string Heading, RichText Text);
