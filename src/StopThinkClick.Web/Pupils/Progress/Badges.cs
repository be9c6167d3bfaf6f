using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Pupils.Progress;

/// <summary>Badges celebrate effort and good choices, never speed or perfect scores alone.</summary>
public sealed record Badge(string Id, string Name, string Picture, string Why);

public static class Badges
{
    public static IReadOnlyList<Badge> All { get; } =
    [
        new("first-lesson", "First steps", "star", "You finished your first lesson."),
        new("stop-and-think", "Stop and think", "stop-sign", "You stopped to think before a risky click."),
        new("story-explorer", "Story explorer", "book", "You finished a story."),
        new("quiz-star", "Quiz star", "trophy", "You got every question right first time."),
        new("keep-going", "Keep going", "rocket", "You finished five lessons."),
        new("connected-explorer", "Connected explorer", "globe", "You finished lessons in all eight areas."),
    ];

    public static Badge? Find(string id) => All.FirstOrDefault(b => b.Id == id);

    /// <summary>The badges these new events earn, given the progress before them.</summary>
    public static IEnumerable<BadgeEarned> NewlyEarned(PupilProgress before, IReadOnlyList<object> events, Catalogue catalogue, Guid pupil, DateTimeOffset now)
    {
        // A lesson, story or quiz done live with the class counts as much as one done alone.
        var live = events.OfType<LiveSessionAttended>().ToList();
        var completed = before.CompletedLessons.Concat(events.OfType<LessonCompleted>().Select(e => e.LessonId))
            .Concat(live.Where(e => e.Kind == "Lesson").Select(e => e.ItemId)).ToHashSet();
        var strands = completed.Select(catalogue.Lesson).OfType<Lesson>().SelectMany(l => l.Strands).ToHashSet();
        var earned = new List<string>();
        if (completed.Count >= 1) earned.Add("first-lesson");
        if (completed.Count >= 5) earned.Add("keep-going");
        if (strands.Count == Strands.All.Count) earned.Add("connected-explorer");
        if (events.OfType<StoppedToThink>().Any()) earned.Add("stop-and-think");
        if (events.OfType<ScenarioFinished>().Any() || live.Any(e => e.Kind == "Scenario")) earned.Add("story-explorer");
        if (events.OfType<QuizCompleted>().Any(q => q.RightFirstTime == q.Questions)) earned.Add("quiz-star");
        // Live, each question takes one answer, so every question answered right is "right first time".
        if (live.Any(e => e.Right > 0 && e.Right == QuestionsOf(e, catalogue))) earned.Add("quiz-star");
        return earned.Distinct().Where(id => !before.HasBadge(id)).Select(id => new BadgeEarned(pupil, id, now));
    }

    static int QuestionsOf(LiveSessionAttended e, Catalogue catalogue) => e.Kind switch
    {
        "Quiz" => catalogue.Quiz(e.ItemId)?.Questions.Count ?? -1,
        "Lesson" => catalogue.Quiz(catalogue.Lesson(e.ItemId)?.QuizId)?.Questions.Count ?? -1,
        _ => -1,
    };
}
