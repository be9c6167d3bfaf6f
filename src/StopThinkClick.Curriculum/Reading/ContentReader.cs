using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>Reads one content file of any kind, collecting every problem in it.</summary>
public static class ContentReader
{
    public static (ContentItem? Item, IReadOnlyList<ContentProblem> Problems) Read(string path, string text, IReadOnlySet<string> pictures)
    {
        var read = ReadFile(path, text, pictures);
        return (read.Item, read.Problems);
    }

    /// <summary>A file read: its item (if it could be read), its problems and the tally of the words a child reads in it.</summary>
    public sealed record FileRead(ContentItem? Item, IReadOnlyList<ContentProblem> Problems, ReadingTally Reading)
    {
        /// <summary>Its links to the app's own pages, checked by the loader once every file is read.</summary>
        public IReadOnlyList<ContentLink> Links { get; init; } = [];
    }

    public static FileRead ReadFile(string path, string text, IReadOnlySet<string> pictures)
    {
        var problems = new Problems(path);
        var id = Path.GetFileNameWithoutExtension(path);
        if (!FileContext.IsId(id))
            problems.Add(1, $"the file name '{id}' cannot be an id", "rename the file with lowercase letters, digits and hyphens, e.g. y3-strong-passwords.md");

        var lines = text.Replace("\r\n", "\n").Split('\n').Select((t, i) => new SourceLine(i + 1, t)).ToList();
        var front = FrontMatter.Read(lines, problems);
        if (front is null) return new FileRead(null, problems.All, problems.Reading) { Links = problems.Links };

        var file = new FileContext
        {
            Id = id, Path = path, Front = front, RawText = text, Problems = problems, Pictures = pictures,
            Body = lines.Where(l => l.Number > front.EndLine).ToList(),
        };
        var kind = front.Text("kind")?.ToLowerInvariant();
        ContentItem? item = kind switch
        {
            "lesson" => LessonReader.Read(file),
            "quiz" => QuizReader.Read(file),
            "scenario" => ScenarioReader.Read(file),
            "aup" => AupReader.Read(file),
            "guide" => GuideReader.Read(file),
            "app-guide" => AppGuideReader.Read(file),
            _ => null,
        };
        if (item is null)
            problems.Add(front.LineOf("kind"), kind is null ? "the file has no kind" : $"'{kind}' is not a kind of content",
                "add 'kind:' with lesson, quiz, scenario, aup, guide or app-guide");
        return new FileRead(item, problems.All, problems.Reading) { Links = problems.Links };
    }
}
