using StopThinkClick.Web.Pupils.Lessons;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Pupils.Scenarios;
using static StopThinkClick.UnitTests.World;

namespace StopThinkClick.UnitTests.Pupils;

/// <summary>A story played alone keeps its path choice by choice; a lesson is read page by page and finished when every page is read.</summary>
public sealed class ScenarioAndLessonDeciderTests
{
    static readonly Guid Run = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    static readonly ScenarioStarted Started = new(Pupil, "y4-gems", Run, "lobby", Now);

    [Fact]
    public void Starting_a_story_or_coming_back_to_it()
    {
        ScenarioDecider.Start(Progress(), Story, Run, Pupil, Now).Decision.ShouldEmit(Started);
        var (again, id) = ScenarioDecider.Start(Progress(Started), Story, Guid.NewGuid(), Pupil, Now);
        again.ShouldBeNothing();
        id.ShouldBe(Run);
    }

    [Fact]
    public void Choosing_the_way_the_story_goes()
    {
        ScenarioDecider.Choose(Progress(Started), Story, Run, "lobby", "c2", Pupil, Now)
            .ShouldEmit(new ScenarioChoiceMade(Pupil, Story.Id, Run, "lobby", "c2", false, "tell-dad", Now));
        var atDad = Progress(Started, new ScenarioChoiceMade(Pupil, Story.Id, Run, "lobby", "c2", false, "tell-dad", Now));
        ScenarioDecider.Choose(atDad, Story, Run, "lobby", "c2", Pupil, Now).ShouldBeNothing(); // a resend
        ScenarioDecider.Choose(atDad, Story, Run, "tell-dad", "c1", Pupil, Now).ShouldEmit(
            new ScenarioChoiceMade(Pupil, Story.Id, Run, "tell-dad", "c1", false, "blocked", Now), new ScenarioFinished(Pupil, Story.Id, Run, "blocked", Now));
        ScenarioDecider.Choose(atDad, Story, Run, "lobby", "c1", Pupil, Now).ShouldRefuse("The story has moved on. Here is where you are now.");
        ScenarioDecider.Choose(atDad, Story, Run, "tell-dad", "c9", Pupil, Now).ShouldRefuse("That choice is not in this part of the story.");
        ScenarioDecider.Choose(Progress(), Story, Run, "lobby", "c2", Pupil, Now).ShouldRefuse("This story is not open. Start it again to play.");
        var finished = Progress(Started, new ScenarioFinished(Pupil, Story.Id, Run, "blocked", Now));
        ScenarioDecider.Choose(finished, Story, Run, "blocked", "c1", Pupil, Now).ShouldRefuse("This story has finished. Start it again to choose differently.");
    }

    [Fact]
    public void Stopping_to_think_before_a_risky_choice()
    {
        ScenarioDecider.StopToThink(Progress(Started), Story, Run, "lobby", "c1", Pupil, Now).ShouldEmit(new StoppedToThink(Pupil, Story.Id, Run, "lobby", "c1", Now));
        ScenarioDecider.StopToThink(Progress(Started), Story, Run, "lobby", "c2", Pupil, Now).ShouldRefuse("That choice is not in this part of the story.");
        ScenarioDecider.StopToThink(Progress(Started), Story, Run, "tell-dad", "c1", Pupil, Now).ShouldBeNothing();
        ScenarioDecider.StopToThink(Progress(), Story, Run, "lobby", "c1", Pupil, Now).ShouldBeNothing();
    }

    [Fact]
    public void Reading_a_lesson_page_by_page()
    {
        LessonDecider.ViewStep(Progress(), Lesson, 1, Pupil, Now).ShouldEmit(new LessonStarted(Pupil, Lesson.Id, Now));
        LessonDecider.ViewStep(Progress(), Lesson, 2, Pupil, Now).ShouldEmit(new LessonStarted(Pupil, Lesson.Id, Now), new LessonStepViewed(Pupil, Lesson.Id, 2, Now));
        var onTwo = Progress(new LessonStarted(Pupil, Lesson.Id, Now), new LessonStepViewed(Pupil, Lesson.Id, 2, Now));
        LessonDecider.ViewStep(onTwo, Lesson, 2, Pupil, Now).ShouldBeNothing();
        LessonDecider.ViewStep(onTwo, Lesson, 3, Pupil, Now).ShouldEmit(new LessonStepViewed(Pupil, Lesson.Id, 3, Now));
        LessonDecider.ViewStep(onTwo, Lesson, 4, Pupil, Now).ShouldRefuse("That page is not in this lesson.");
        LessonDecider.ViewStep(onTwo, Lesson, 0, Pupil, Now).ShouldRefuse("That page is not in this lesson.");
        var done = Progress(new LessonStarted(Pupil, Lesson.Id, Now), new LessonCompleted(Pupil, Lesson.Id, Now));
        LessonDecider.ViewStep(done, Lesson, 1, Pupil, Now).ShouldEmit(new LessonStarted(Pupil, Lesson.Id, Now));
    }

    [Fact]
    public void Finishing_a_lesson_when_every_page_is_read()
    {
        var read = Progress(new LessonStarted(Pupil, Lesson.Id, Now), new LessonStepViewed(Pupil, Lesson.Id, 3, Now));
        LessonDecider.Complete(read, Lesson, Pupil, Now).ShouldEmit(new LessonCompleted(Pupil, Lesson.Id, Now));
        LessonDecider.Complete(Progress(new LessonStarted(Pupil, Lesson.Id, Now)), Lesson, Pupil, Now).ShouldRefuse("There are still pages to read in this lesson.");
        LessonDecider.Complete(Progress(), Lesson, Pupil, Now).ShouldRefuse("Start the lesson first.");
        LessonDecider.Complete(Progress(new LessonStarted(Pupil, Lesson.Id, Now), new LessonCompleted(Pupil, Lesson.Id, Now)), Lesson, Pupil, Now).ShouldBeNothing();
    }
}
