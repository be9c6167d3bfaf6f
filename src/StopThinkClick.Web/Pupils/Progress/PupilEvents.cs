namespace StopThinkClick.Web.Pupils.Progress;

// Everything a pupil does on their own device, on the pupil's stream (stream id = pupil id).
// Pseudonymous ids and content ids only: no names, no free text, so erasing the pupil's profile
// document leaves these events anonymous.

public sealed record LessonStarted(Guid PupilId, string LessonId, DateTimeOffset At);
public sealed record LessonStepViewed(Guid PupilId, string LessonId, int Step, DateTimeOffset At);
public sealed record LessonCompleted(Guid PupilId, string LessonId, DateTimeOffset At);

public sealed record QuizStarted(Guid PupilId, string QuizId, Guid AttemptId, DateTimeOffset At);

/// <summary>
/// One answer. <paramref name="OptionIds"/> are the options chosen (for a sort question: the
/// cards put in the safe box). <paramref name="AnswerId"/> is made by the page that asked, so a
/// double press or a resend after a dropped connection is stored once.
/// </summary>
public sealed record QuestionAnswered(
    Guid PupilId, string QuizId, Guid AttemptId, Guid AnswerId, string QuestionId,
    IReadOnlyList<string> OptionIds, bool Correct, DateTimeOffset At);

public sealed record QuizCompleted(Guid PupilId, string QuizId, Guid AttemptId, int RightFirstTime, int Questions, DateTimeOffset At);

public sealed record ScenarioStarted(Guid PupilId, string ScenarioId, Guid RunId, string StartSceneId, DateTimeOffset At);

/// <summary>The child saw the stop-and-think question before a risky click and went back: worth celebrating.</summary>
public sealed record StoppedToThink(Guid PupilId, string ScenarioId, Guid RunId, string SceneId, string ChoiceId, DateTimeOffset At);

public sealed record ScenarioChoiceMade(Guid PupilId, string ScenarioId, Guid RunId, string SceneId, string ChoiceId, bool Risky, string ToSceneId, DateTimeOffset At);
public sealed record ScenarioFinished(Guid PupilId, string ScenarioId, Guid RunId, string EndingId, DateTimeOffset At);

public sealed record BadgeEarned(Guid PupilId, string BadgeId, DateTimeOffset At);

/// <summary>
/// The pupil took part in a live session (written when it ends): a live lesson counts as the
/// lesson covered, a live quiz or story as played, for their home page and the class dashboard.
/// </summary>
public sealed record LiveSessionAttended(Guid PupilId, Guid SessionId, string Kind, string ItemId, int Answered, int Right, DateTimeOffset At);
