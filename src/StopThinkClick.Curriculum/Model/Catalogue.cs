namespace StopThinkClick.Curriculum.Model;

/// <summary>
/// Every lesson, quiz, scenario, AUP and guide, parsed and checked once at start-up and never
/// changed afterwards, so pages read it without parsing anything per request.
/// </summary>
public sealed class Catalogue
{
    readonly Dictionary<string, ContentItem> byId;

    public Catalogue(IEnumerable<ContentItem> items, IEnumerable<string> pictures)
    {
        var all = items.ToList();
        byId = all.ToDictionary(i => i.Id, StringComparer.Ordinal);
        Lessons = all.OfType<Lesson>().OrderBy(l => l.FirstBand).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        Quizzes = all.OfType<Quiz>().OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        Scenarios = all.OfType<Scenario>().OrderBy(s => s.FirstBand).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        Aups = all.OfType<AupText>().OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        Guides = all.OfType<Guide>().OrderBy(g => g.FirstBand).ToList();
        AppGuides = all.OfType<AppGuide>().OrderBy(a => a.App, StringComparer.OrdinalIgnoreCase).ToList();
        Pictures = pictures.ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<Lesson> Lessons { get; }
    public IReadOnlyList<Quiz> Quizzes { get; }
    public IReadOnlyList<Scenario> Scenarios { get; }
    public IReadOnlyList<AupText> Aups { get; }
    public IReadOnlyList<Guide> Guides { get; }
    public IReadOnlyList<AppGuide> AppGuides { get; }
    public IReadOnlySet<string> Pictures { get; }

    public int Count => byId.Count;

    public ContentItem? Item(string? id) => id is null ? null : byId.GetValueOrDefault(id);
    public Lesson? Lesson(string? id) => Item(id) as Lesson;
    public Quiz? Quiz(string? id) => Item(id) as Quiz;
    public Scenario? Scenario(string? id) => Item(id) as Scenario;
    public AupText? Aup(string? id) => Item(id) as AupText;

    public IEnumerable<Lesson> LessonsFor(Band band) => Lessons.Where(l => l.IsFor(band));
    public IEnumerable<Scenario> ScenariosFor(Band band) => Scenarios.Where(s => s.IsFor(band));
    public Guide? GuideFor(Band band) => Guides.FirstOrDefault(g => g.IsFor(band));
    public AppGuide? AppGuide(string? id) => Item(id) as AppGuide;

    /// <summary>The guides to the apps children of this age commonly use, by app name.</summary>
    public IEnumerable<AppGuide> AppGuidesFor(Band band) => AppGuides.Where(a => a.IsFor(band));

    /// <summary>The app guides a lesson or story names, in its order (unknown ids are a content problem, so never here).</summary>
    public IReadOnlyList<AppGuide> AppGuidesOf(ContentItem item) => item.Apps.Select(AppGuide).OfType<AppGuide>().ToList();

    public AupText? PupilAupFor(Band band) => Aups.FirstOrDefault(a => a.Audience == AupAudience.Pupils && a.IsFor(band));
    public AupText? ParentAup => Aups.FirstOrDefault(a => a.Audience == AupAudience.Parents);

    /// <summary>The lesson a quiz belongs to, if any.</summary>
    public Lesson? LessonOfQuiz(string quizId) => Lessons.FirstOrDefault(l => l.QuizId == quizId);
}
