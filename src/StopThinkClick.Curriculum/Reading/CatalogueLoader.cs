using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// Reads the whole <c>content/</c> folder, checks every file and the links between files, and
/// returns the catalogue with every problem found (not only the first).
/// </summary>
public static class CatalogueLoader
{
    /// <summary>
    /// What was read. <see cref="Problems"/> stop the check and the app; <see cref="Warnings"/> are
    /// worth doing soon (a guide due for review) but stop nothing.
    /// </summary>
    public sealed record Result(Catalogue Catalogue, IReadOnlyList<ContentProblem> Problems, IReadOnlyList<FileReadingLevel> ReadingLevels)
    {
        public bool Ok => Problems.Count == 0;
        public IReadOnlyList<ContentProblem> Warnings { get; init; } = [];
    }

    /// <param name="today">the day the review dates are measured from (today, unless a test says otherwise)</param>
    public static Result Load(string contentDirectory, DateOnly? today = null)
    {
        var root = Path.GetFullPath(contentDirectory);
        var shownRoot = Path.GetDirectoryName(root) ?? root;
        var pictureDirectory = Path.Combine(root, "pictures");
        var pictures = Directory.Exists(pictureDirectory)
            ? Directory.EnumerateFiles(pictureDirectory).Where(f => f.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];

        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("pictures", StringComparison.Ordinal))
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(shownRoot, f).Replace('\\', '/'), File.ReadAllText(f)));
        return FromTexts(files, pictures, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
    }

    /// <summary>The same check on files already in memory (path as shown in problems, text), so tests need no folder.</summary>
    public static Result FromTexts(IEnumerable<(string Path, string Text)> files, IReadOnlySet<string> pictures, DateOnly today)
    {
        var items = new List<ContentItem>();
        var problems = new List<ContentProblem>();
        var levels = new List<FileReadingLevel>();
        var links = new List<(string File, ContentLink Link)>();
        foreach (var (shown, text) in files)
        {
            var read = ContentReader.ReadFile(shown, text, pictures);
            problems.AddRange(read.Problems);
            links.AddRange(read.Links.Select(l => (shown, l)));
            if (read.Item is not { } item) continue;
            if (!read.Reading.IsEmpty) levels.Add(new FileReadingLevel(shown, item.Bands, Math.Round(read.Reading.Grade, 2)));
            if (items.FirstOrDefault(i => i.Id == item.Id) is { } twin)
                problems.Add(new ContentProblem(shown, 1, $"the id '{item.Id}' is also used by {twin.SourceFile}", "rename one of the two files"));
            else items.Add(item);
        }
        problems.AddRange(CrossChecks(items));
        var catalogue = new Catalogue(items, pictures);
        foreach (var (file, link) in links)
            if (AppLinks.Problem(link.Path, catalogue) is { } wrong)
                problems.Add(new ContentProblem(file, link.Line, wrong.What, wrong.Fix));
        return new Result(catalogue, problems, levels) { Warnings = [.. ReviewDates.Warnings(catalogue, today), .. AnswerBalance.Warnings(catalogue)] };
    }

    /// <summary>What only the whole folder can tell: a lesson's quiz exists, a quiz's lesson exists, bands agree.</summary>
    static IEnumerable<ContentProblem> CrossChecks(List<ContentItem> items)
    {
        var byId = items.ToDictionary(i => i.Id);
        foreach (var lesson in items.OfType<Lesson>().Where(l => l.QuizId.Length > 0))
        {
            if (!byId.TryGetValue(lesson.QuizId, out var quiz) || quiz is not Quiz)
                yield return new ContentProblem(lesson.SourceFile, 2, $"the quiz '{lesson.QuizId}' does not exist",
                    "write the quiz file (kind: quiz) or fix the id in 'quiz:'");
            else if (!quiz.Bands.Intersect(lesson.Bands).Any())
                yield return new ContentProblem(lesson.SourceFile, 2, $"the quiz '{quiz.Id}' is for another band",
                    "give the lesson and its quiz the same band");
        }
        foreach (var quiz in items.OfType<Quiz>().Where(q => q.LessonId is not null))
            if (!byId.TryGetValue(quiz.LessonId!, out var lesson) || lesson is not Lesson)
                yield return new ContentProblem(quiz.SourceFile, 2, $"the lesson '{quiz.LessonId}' does not exist",
                    "fix the id in 'lesson:', or remove the line");
    }
}
