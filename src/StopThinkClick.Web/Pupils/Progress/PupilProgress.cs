using JasperFx;

namespace StopThinkClick.Web.Pupils.Progress;

/// <summary>
/// The pupil's own progress, projected inline from their stream so the page after an action
/// reads it at once: the pupil home, "carry on where I was", the quiz and story players, and the
/// deciders that check each new action against it.
/// </summary>
public sealed class PupilProgress : IRevisioned
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Dictionary<string, LessonProgress> Lessons { get; set; } = [];
    public Dictionary<string, QuizProgress> Quizzes { get; set; } = [];
    public Dictionary<string, ScenarioProgress> Scenarios { get; set; } = [];
    public List<EarnedBadge> Badges { get; set; } = [];
    public LastActivity? Last { get; set; }
    public List<Guid> LiveSessions { get; set; } = [];

    public bool HasBadge(string id) => Badges.Any(b => b.Id == id);
    public IEnumerable<string> CompletedLessons => Lessons.Where(l => l.Value.Completed).Select(l => l.Key);
}

public sealed class LessonProgress
{
    public int LastStep { get; set; }
    public bool Completed { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Covered in a live class session rather than alone.</summary>
    public bool InClass { get; set; }
}

public sealed class QuizProgress
{
    public QuizAttempt? Current { get; set; }
    public int Completions { get; set; }
    public int BestRightFirstTime { get; set; }
    public int Questions { get; set; }
    public DateTimeOffset? LastCompletedAt { get; set; }
}

public sealed class QuizAttempt
{
    public Guid Id { get; set; }
    public bool Finished { get; set; }
    public List<StoredAnswer> Answers { get; set; } = [];

    public IEnumerable<StoredAnswer> AnswersTo(string questionId) => Answers.Where(a => a.QuestionId == questionId);
    public bool RightAlready(string questionId) => AnswersTo(questionId).Any(a => a.Correct);
    public StoredAnswer? LatestTo(string questionId) => AnswersTo(questionId).LastOrDefault();
    public bool RightFirstTime(string questionId) => AnswersTo(questionId).FirstOrDefault()?.Correct == true;
}

public sealed record StoredAnswer(Guid AnswerId, string QuestionId, IReadOnlyList<string> OptionIds, bool Correct);

public sealed class ScenarioProgress
{
    public ScenarioRun? Current { get; set; }
    public int Finishes { get; set; }
    public string? LastEnding { get; set; }
}

public sealed class ScenarioRun
{
    public Guid Id { get; set; }
    public string SceneId { get; set; } = "";
    public bool Finished { get; set; }
    public List<PathStep> Path { get; set; } = [];
    public int StopsToThink { get; set; }
}

/// <summary>A step of the path a child took through a story: the scene and the choice made there.</summary>
public sealed record PathStep(string SceneId, string ChoiceId, bool Risky);

public sealed record EarnedBadge(string Id, DateTimeOffset At);

public enum ActivityKind { Lesson, Quiz, Scenario }

public sealed record LastActivity(ActivityKind Kind, string ItemId, DateTimeOffset At);
