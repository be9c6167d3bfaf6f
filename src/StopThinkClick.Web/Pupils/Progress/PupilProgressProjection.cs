using Marten.Events.Aggregation;


namespace StopThinkClick.Web.Pupils.Progress;

public sealed partial class PupilProgressProjection : SingleStreamProjection<PupilProgress, Guid>
{
    // No Create methods: any event may come first (a live session can be a pupil's first), so
    // Marten starts from the empty document and sets its Id to the stream id.

    public void Apply(LessonStarted e, PupilProgress p)
    {
        var lesson = Lesson(p, e.LessonId);
        lesson.LastStep = Math.Max(lesson.LastStep, 1);
        lesson.Completed = false;
        p.Last = new LastActivity(ActivityKind.Lesson, e.LessonId, e.At);
    }

    public void Apply(LessonStepViewed e, PupilProgress p)
    {
        Lesson(p, e.LessonId).LastStep = e.Step;
        p.Last = new LastActivity(ActivityKind.Lesson, e.LessonId, e.At);
    }

    public void Apply(LessonCompleted e, PupilProgress p)
    {
        var lesson = Lesson(p, e.LessonId);
        lesson.Completed = true;
        lesson.CompletedAt = e.At;
        p.Last = new LastActivity(ActivityKind.Lesson, e.LessonId, e.At);
    }

    public void Apply(QuizStarted e, PupilProgress p)
    {
        Quiz(p, e.QuizId).Current = new QuizAttempt { Id = e.AttemptId };
        p.Last = new LastActivity(ActivityKind.Quiz, e.QuizId, e.At);
    }

    public void Apply(QuestionAnswered e, PupilProgress p)
    {
        if (Quiz(p, e.QuizId).Current is { } attempt && attempt.Id == e.AttemptId)
            attempt.Answers.Add(new StoredAnswer(e.AnswerId, e.QuestionId, e.OptionIds, e.Correct));
        p.Last = new LastActivity(ActivityKind.Quiz, e.QuizId, e.At);
    }

    public void Apply(QuizCompleted e, PupilProgress p)
    {
        var quiz = Quiz(p, e.QuizId);
        if (quiz.Current is { } attempt && attempt.Id == e.AttemptId) attempt.Finished = true;
        quiz.Completions++;
        quiz.Questions = e.Questions;
        quiz.BestRightFirstTime = Math.Max(quiz.BestRightFirstTime, e.RightFirstTime);
        quiz.LastCompletedAt = e.At;
    }

    public void Apply(ScenarioStarted e, PupilProgress p)
    {
        Scenario(p, e.ScenarioId).Current = new ScenarioRun { Id = e.RunId, SceneId = e.StartSceneId };
        p.Last = new LastActivity(ActivityKind.Scenario, e.ScenarioId, e.At);
    }

    public void Apply(StoppedToThink e, PupilProgress p)
    {
        if (Scenario(p, e.ScenarioId).Current is { } run && run.Id == e.RunId) run.StopsToThink++;
    }

    public void Apply(ScenarioChoiceMade e, PupilProgress p)
    {
        if (Scenario(p, e.ScenarioId).Current is { } run && run.Id == e.RunId)
        {
            run.Path.Add(new PathStep(e.SceneId, e.ChoiceId, e.Risky));
            run.SceneId = e.ToSceneId;
        }
        p.Last = new LastActivity(ActivityKind.Scenario, e.ScenarioId, e.At);
    }

    public void Apply(ScenarioFinished e, PupilProgress p)
    {
        var scenario = Scenario(p, e.ScenarioId);
        if (scenario.Current is { } run && run.Id == e.RunId)
        {
            run.Finished = true;
            run.SceneId = e.EndingId;
        }
        scenario.Finishes++;
        scenario.LastEnding = e.EndingId;
    }

    public void Apply(LiveSessionAttended e, PupilProgress p)
    {
        switch (e.Kind)
        {
            case "Lesson":
                var lesson = Lesson(p, e.ItemId);
                if (!lesson.Completed) (lesson.Completed, lesson.CompletedAt, lesson.InClass) = (true, e.At, true);
                break;
            case "Quiz":
                var quiz = Quiz(p, e.ItemId);
                quiz.Completions++;
                quiz.LastCompletedAt = e.At;
                break;
            case "Scenario":
                Scenario(p, e.ItemId).Finishes++;
                break;
        }
        p.LiveSessions.Add(e.SessionId);
    }

    public void Apply(BadgeEarned e, PupilProgress p)
    {
        if (!p.HasBadge(e.BadgeId)) p.Badges.Add(new EarnedBadge(e.BadgeId, e.At));
    }

    static LessonProgress Lesson(PupilProgress p, string id) => p.Lessons.TryGetValue(id, out var l) ? l : p.Lessons[id] = new LessonProgress();
    static QuizProgress Quiz(PupilProgress p, string id) => p.Quizzes.TryGetValue(id, out var q) ? q : p.Quizzes[id] = new QuizProgress();
    static ScenarioProgress Scenario(PupilProgress p, string id) => p.Scenarios.TryGetValue(id, out var s) ? s : p.Scenarios[id] = new ScenarioProgress();
}
