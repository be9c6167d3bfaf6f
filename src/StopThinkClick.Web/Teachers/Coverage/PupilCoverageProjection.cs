using Marten.Events.Aggregation;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>
/// Keeps <see cref="PupilCoverage"/> from the pupil's own stream, with the same meaning as
/// <see cref="PupilProgressProjection"/> gives those events (a lesson started again is not finished
/// until it is finished again; a live lesson counts as finished).
/// Inline, one document per pupil stream, rather than one document per class: pupils of one class
/// write at the same moment, often through both nodes, and an inline class document would be read,
/// changed and written by each of those transactions, the later overwriting the earlier (Marten
/// warns of exactly this for inline multi-stream projections). The async daemon would avoid that but
/// leaves the dashboard behind the tablets and needs one node elected to run it. A row per pupil has
/// one writer, the pupil's own stream, is right on every node the moment the tap commits, and the
/// dashboard still reads a whole class in two short round trips (see ClassRows).
/// </summary>
public sealed partial class PupilCoverageProjection : SingleStreamProjection<PupilCoverage, Guid>
{
    public void Apply(LessonStarted e, PupilCoverage c) => c.Lessons.Remove(e.LessonId);

    public void Apply(LessonCompleted e, PupilCoverage c) => Finish(c, e.LessonId);

    public void Apply(LiveSessionAttended e, PupilCoverage c)
    {
        if (e.Kind == "Lesson") Finish(c, e.ItemId);
    }

    public void Apply(QuizCompleted e, PupilCoverage c) =>
        c.Quizzes[e.QuizId] = new QuizBest(Math.Max(c.Quizzes.GetValueOrDefault(e.QuizId)?.RightFirstTime ?? 0, e.RightFirstTime), e.Questions);

    public void Apply(AupSigned e, PupilCoverage c) => c.Promises[e.AupId] = new PromisesSigned(e.Version, e.At);

    static void Finish(PupilCoverage c, string lessonId)
    {
        if (!c.Finished(lessonId)) c.Lessons.Add(lessonId);
    }
}
