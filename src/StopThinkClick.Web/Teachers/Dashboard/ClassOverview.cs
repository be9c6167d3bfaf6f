using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Teachers.Coverage;

namespace StopThinkClick.Web.Teachers.Dashboard;

/// <summary>
/// Everything the class dashboard shows, worked out once from the class, its pupils' projected
/// coverage rows and the absences of its last live sessions. Immutable, so one copy can serve every
/// request until something it was built from changes (see <see cref="ClassOverviews"/>).
/// </summary>
public sealed record ClassOverview(
    SchoolClass Class,
    IReadOnlyList<ClassOverview.Row> Rows,
    IReadOnlyList<(int Covered, int Pupils)> ClassCoverage,
    IReadOnlyList<(Lesson Lesson, Strand Strand, int Percent)> Next,
    IReadOnlyList<string> Unsigned,
    IReadOnlyList<(string Name, int Missed)> Missed,
    int Sessions)
{
    public sealed record Row(string Name, IReadOnlyList<StrandCell> Cells);

    /// <summary>Only the absences of a past session: its answers and worries are not this page's business.</summary>
    public sealed record SessionAbsences(IReadOnlyList<Guid> Absent);

    public static ClassOverview Build(SchoolClass cls, IReadOnlyList<PupilRow> roll, IReadOnlyList<SessionAbsences> lastSessions, Catalogue catalogue, DateTimeOffset now, Schools.Settings.SchoolCalendar calendar)
    {
        var strands = Strands.All;
        var pupils = roll.OrderBy(r => r.Pupil.FirstName).ThenBy(r => r.Pupil.LastInitial).ToList();
        var lessons = catalogue.LessonsFor(cls.Band).ToList();
        var rows = pupils.Select(r => new Row(r.Pupil.DisplayName, strands.Select(s => StrandCoverage.Cell(r.Coverage, s, lessons)).ToList())).ToList();
        var classCoverage = strands.Select(s => StrandCoverage.Class(pupils.Select(r => r.Coverage), s, lessons)).ToList();
        var next = strands.Select((s, i) => (Strand: s, Coverage: classCoverage[i]))
            .Where(x => x.Coverage.Pupils > 0 && StrandCoverage.Percent(x.Coverage.Covered, x.Coverage.Pupils) < 80)
            .OrderBy(x => StrandCoverage.Percent(x.Coverage.Covered, x.Coverage.Pupils))
            .Select(x => (Lesson: lessons.Where(l => l.Strands.Contains(x.Strand))
                    .OrderBy(l => pupils.Count(r => r.Coverage.Finished(l.Id))).FirstOrDefault(),
                x.Strand, Percent: StrandCoverage.Percent(x.Coverage.Covered, x.Coverage.Pupils)))
            .Where(x => x.Lesson is not null).DistinctBy(x => x.Lesson!.Id).Take(4)
            .Select(x => (x.Lesson!, x.Strand, x.Percent)).ToList();

        var aup = catalogue.PupilAupFor(cls.Band);
        var unsigned = pupils.Where(r => !r.Coverage.SignedCurrent(aup, now, calendar)).Select(r => r.Pupil.DisplayName).ToList();
        var missed = pupils.Select(r => (r.Pupil.DisplayName, lastSessions.Count(s => s.Absent.Contains(r.Pupil.Id))))
            .Where(x => x.Item2 > 0).OrderByDescending(x => x.Item2).ToList();
        return new ClassOverview(cls, rows, classCoverage, next, unsigned, missed, lastSessions.Count);
    }
}
