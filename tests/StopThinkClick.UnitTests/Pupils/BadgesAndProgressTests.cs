using Model = StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;
using StopThinkClick.UnitTests.Curriculum;
using StopThinkClick.Web.Pupils.Progress;
using static StopThinkClick.UnitTests.World;

namespace StopThinkClick.UnitTests.Pupils;

/// <summary>Badges celebrate effort and good choices; the pupil's progress document is what their events made it.</summary>
public sealed class BadgesAndProgressTests
{
    static readonly Guid Attempt = Guid.Parse("a7700000-0000-0000-0000-000000000002");
    static readonly Guid Run = Guid.Parse("a0000000-0000-0000-0000-000000000002");

    static IReadOnlyList<string> Earned(PupilProgress before, params object[] events) =>
        Badges.NewlyEarned(before, events, Catalogue, Pupil, Now).Select(b => b.BadgeId).ToList();

    [Fact]
    public void Each_badge_is_earned_once_for_what_it_celebrates()
    {
        Earned(Progress(), new LessonCompleted(Pupil, Lesson.Id, Now)).ShouldBe(["first-lesson"]);
        Earned(Progress(new LessonCompleted(Pupil, Lesson.Id, Now), new BadgeEarned(Pupil, "first-lesson", Now)), new LessonCompleted(Pupil, Lesson.Id, Now)).ShouldBeEmpty();
        Earned(Progress(), new StoppedToThink(Pupil, Story.Id, Run, "lobby", "c1", Now)).ShouldBe(["stop-and-think"]);
        Earned(Progress(), new ScenarioFinished(Pupil, Story.Id, Run, "blocked", Now)).ShouldBe(["story-explorer"]);
        Earned(Progress(), new QuizCompleted(Pupil, Quiz.Id, Attempt, 3, 3, Now)).ShouldBe(["quiz-star"]);
        Earned(Progress(), new QuizCompleted(Pupil, Quiz.Id, Attempt, 2, 3, Now)).ShouldBeEmpty("never for a score that is not perfect, never shaming");
        Earned(Progress(), new QuestionAnswered(Pupil, Quiz.Id, Attempt, Guid.NewGuid(), "q1", ["b"], true, Now)).ShouldBeEmpty();
    }

    [Fact]
    public void Five_lessons_keep_going_and_all_eight_strands_make_a_connected_explorer()
    {
        var eight = Model.Strands.All.Select((strand, i) => ContentReader.Read($"content/y3/y3-lesson-{i}.md",
            Samples.Lesson.Replace("[privacy-and-security]", $"[{Model.Strands.Slug(strand)}]"), Samples.Pictures).Item!).ToList();
        var catalogue = new Model.Catalogue([.. eight, Quiz], Samples.Pictures);
        var four = Progress(eight.Take(4).Select(l => (object)new LessonCompleted(Pupil, l.Id, Now)).Append(new BadgeEarned(Pupil, "first-lesson", Now)).ToArray());
        Badges.NewlyEarned(four, [new LessonCompleted(Pupil, eight[4].Id, Now)], catalogue, Pupil, Now).Select(b => b.BadgeId).ShouldBe(["keep-going"]);
        var seven = Progress(eight.Take(7).Select(l => (object)new LessonCompleted(Pupil, l.Id, Now))
            .Concat([new BadgeEarned(Pupil, "first-lesson", Now), new BadgeEarned(Pupil, "keep-going", Now)]).ToArray());
        Badges.NewlyEarned(seven, [new LessonCompleted(Pupil, eight[7].Id, Now)], catalogue, Pupil, Now).Select(b => b.BadgeId).ShouldBe(["connected-explorer"]);
    }

    [Fact]
    public void Progress_follows_lessons_quizzes_and_stories()
    {
        var p = Progress(new LessonStarted(Pupil, Lesson.Id, Now), new LessonStepViewed(Pupil, Lesson.Id, 3, Now), new LessonCompleted(Pupil, Lesson.Id, Now),
            new QuizStarted(Pupil, Quiz.Id, Attempt, Now), new QuestionAnswered(Pupil, Quiz.Id, Attempt, Guid.NewGuid(), "q1", ["a"], false, Now),
            new QuestionAnswered(Pupil, Quiz.Id, Guid.NewGuid(), Guid.NewGuid(), "q2", ["b"], true, Now), // another attempt's answer is not this one's
            new QuizCompleted(Pupil, Quiz.Id, Attempt, 2, 3, Now), new QuizCompleted(Pupil, Quiz.Id, Guid.NewGuid(), 1, 3, Now),
            new ScenarioStarted(Pupil, Story.Id, Run, "lobby", Now), new StoppedToThink(Pupil, Story.Id, Run, "lobby", "c1", Now),
            new ScenarioChoiceMade(Pupil, Story.Id, Run, "lobby", "c2", false, "tell-dad", Now), new ScenarioFinished(Pupil, Story.Id, Run, "blocked", Now),
            new BadgeEarned(Pupil, "first-lesson", Now), new BadgeEarned(Pupil, "first-lesson", Now));
        p.Lessons[Lesson.Id].ShouldSatisfyAllConditions(l => l.Completed.ShouldBeTrue(), l => l.LastStep.ShouldBe(3), l => l.InClass.ShouldBeFalse());
        p.CompletedLessons.ShouldBe([Lesson.Id]);
        var quiz = p.Quizzes[Quiz.Id];
        quiz.Current!.Answers.Count.ShouldBe(1);
        quiz.Current.Finished.ShouldBeTrue();
        (quiz.Completions, quiz.BestRightFirstTime, quiz.Questions).ShouldBe((2, 2, 3));
        var story = p.Scenarios[Story.Id];
        (story.Current!.SceneId, story.Current.StopsToThink, story.Current.Finished, story.Finishes, story.LastEnding).ShouldBe(("blocked", 1, true, 1, "blocked"));
        story.Current.Path.ShouldBe([new PathStep("lobby", "c2", false)]);
        p.Badges.Count.ShouldBe(1, "a badge is kept once");
        p.Last.ShouldBe(new LastActivity(ActivityKind.Scenario, Story.Id, Now));

        Progress(new LessonStarted(Pupil, Lesson.Id, Now), new LessonCompleted(Pupil, Lesson.Id, Now), new LessonStarted(Pupil, Lesson.Id, Now))
            .Lessons[Lesson.Id].Completed.ShouldBeFalse("starting again opens the lesson again");
    }

    [Fact]
    public void Progress_counts_what_a_pupil_did_in_live_sessions()
    {
        var session = Guid.NewGuid();
        var p = Progress(new LiveSessionAttended(Pupil, session, "Lesson", Lesson.Id, 3, 2, Now), new LiveSessionAttended(Pupil, Guid.NewGuid(), "Quiz", Quiz.Id, 3, 3, Now),
            new LiveSessionAttended(Pupil, Guid.NewGuid(), "Scenario", Story.Id, 0, 0, Now));
        p.Lessons[Lesson.Id].ShouldSatisfyAllConditions(l => l.Completed.ShouldBeTrue(), l => l.InClass.ShouldBeTrue());
        p.Quizzes[Quiz.Id].Completions.ShouldBe(1);
        p.Scenarios[Story.Id].Finishes.ShouldBe(1);
        p.LiveSessions.Count.ShouldBe(3);
    }
}
