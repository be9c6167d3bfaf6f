namespace StopThinkClick.Curriculum.Model;

public enum ContentKind { Lesson, Quiz, Scenario, Aup, Guide }

/// <summary>What every content file has: its id (the file name), title, bands and where it came from.</summary>
public abstract record ContentItem(string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile)
{
    public abstract ContentKind Kind { get; }
    public Band FirstBand => Bands[0];
    public bool IsFor(Band band) => Bands.Contains(band);
}
