using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>
/// One pupil's row on the class dashboard and the coverage report: which lessons they have finished
/// (alone or in a live lesson), their best quiz results and which promises they signed, and nothing
/// else. Kept by <see cref="PupilCoverageProjection"/> inline with the pupil's own events, so the
/// pages read small, ready rows instead of folding every pupil's whole progress on each request.
/// It holds lesson ids rather than counts per strand, because "move up a year" changes a class's band
/// and with it which lessons count.
/// </summary>
public sealed class PupilCoverage
{
    public Guid Id { get; set; }
    public List<string> Lessons { get; set; } = [];
    public Dictionary<string, QuizBest> Quizzes { get; set; } = [];
    public Dictionary<string, PromisesSigned> Promises { get; set; } = [];

    public static PupilCoverage None(Guid pupilId) => new() { Id = pupilId };

    public bool Finished(string lessonId) => Lessons.Contains(lessonId);

    /// <summary>The same rule as <see cref="Aup.Status.AupStatus"/>: this text's version, signed this school year.</summary>
    public bool SignedCurrent(AupText? aup, DateTimeOffset now, Schools.Settings.SchoolCalendar calendar) =>
        aup is not null && Promises.TryGetValue(aup.Id, out var signed) && signed.Version == aup.Version && calendar.IsCurrent(signed.At, now);
}

/// <summary>A quiz done alone: the best "right first time" and the number of questions at the last go.</summary>
public sealed record QuizBest(int RightFirstTime, int Questions);

public sealed record PromisesSigned(string Version, DateTimeOffset At);
