namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// One mistake in a content file, said so that a curriculum lead can fix it without a developer:
/// <c>content/y3/foo.md:12: what is wrong — how to fix it</c>.
/// </summary>
public sealed record ContentProblem(string File, int Line, string What, string Fix)
{
    public override string ToString() => $"{File}:{Line}: {What} — {Fix}";
}

/// <summary>Collects every problem in a file rather than stopping at the first.</summary>
public sealed class Problems(string file)
{
    readonly List<ContentProblem> list = [];

    public string File { get; } = file;
    public IReadOnlyList<ContentProblem> All => list;
    public bool Any => list.Count > 0;

    /// <summary>The words a child reads in this file, tallied for its reading level as they are checked.</summary>
    public ReadingTally Reading { get; } = new();

    /// <summary>The links to other pages of the app (an app guide, a year's home guide) in this file, checked once the whole folder is read.</summary>
    public List<ContentLink> Links { get; } = [];

    public void Add(int line, string what, string fix) => list.Add(new ContentProblem(File, line, what, fix));
}

/// <summary>A link from a content file to a page of this app (<c>/apps/roblox</c>, <c>/guides/y3</c>), with its line.</summary>
public sealed record ContentLink(int Line, string Path);
