using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Lessons;

/// <summary>Pure decisions for working through a lesson on one's own device.</summary>
public static class LessonDecider
{
    public static Decision ViewStep(PupilProgress state, Lesson lesson, int step, Guid pupil, DateTimeOffset now)
    {
        if (step < 1 || step > lesson.Steps.Count) return Decision.Refuse("That page is not in this lesson.");
        state.Lessons.TryGetValue(lesson.Id, out var progress);
        var events = new List<object>();
        if (progress is null || progress.Completed && step == 1) events.Add(new LessonStarted(pupil, lesson.Id, now));
        // Looking at the same page twice (a reload, a double tap) is not news.
        if (step != 1 && progress?.LastStep != step) events.Add(new LessonStepViewed(pupil, lesson.Id, step, now));
        return new Decision(events);
    }

    public static Decision Complete(PupilProgress state, Lesson lesson, Guid pupil, DateTimeOffset now)
    {
        if (!state.Lessons.TryGetValue(lesson.Id, out var progress)) return Decision.Refuse("Start the lesson first.");
        if (progress.Completed) return Decision.Nothing;
        if (progress.LastStep < lesson.Steps.Count) return Decision.Refuse("There are still pages to read in this lesson.");
        return Decision.Of(new LessonCompleted(pupil, lesson.Id, now));
    }
}
