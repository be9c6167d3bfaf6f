namespace StopThinkClick.Curriculum.Model;

public enum ContentKind { Lesson, Quiz, Scenario, Aup, Guide, AppGuide }

/// <summary>What every content file has: its id (the file name), title, bands and where it came from.</summary>
public abstract record ContentItem(string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile)
{
    public abstract ContentKind Kind { get; }
    public Band FirstBand => Bands[0];
    public bool IsFor(Band band) => Bands.Contains(band);

    /// <summary>
    /// The app guides (ids under <c>content/guides/apps/</c>) for the apps where this lesson's or
    /// story's topic happens, from <c>apps:</c>: shown to parents with the home note, never to children.
    /// </summary>
    public IReadOnlyList<string> Apps { get; init; } = [];

    /// <summary>The line of <c>reviewed:</c> in a guide, so a warning about its date points at it.</summary>
    public int ReviewedLine { get; init; } = 2;
}
