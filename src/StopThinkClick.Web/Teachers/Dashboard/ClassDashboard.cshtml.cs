using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers.Coverage;

namespace StopThinkClick.Web.Teachers.Dashboard;

/// <summary>
/// The class at a glance, from the projected coverage rows (not by folding each pupil's progress): each pupil by strand, who has not signed the AUP,
/// who missed live sessions, and what to teach next so the class covers every strand for its band.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ClassDashboardModel(SchoolSessions sessions, Catalogue catalogue, TimeProvider clock) : PageModel
{
    public sealed record Row(string Name, IReadOnlyList<StrandCell> Cells);

    public SchoolClass? Class { get; private set; }
    public IReadOnlyList<Strand> Strands => StopThinkClick.Curriculum.Model.Strands.All;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Covered, int Pupils)> ClassCoverage { get; private set; } = [];
    public IReadOnlyList<(Lesson Lesson, Strand Strand, int Percent)> Next { get; private set; } = [];
    public IReadOnlyList<string> Unsigned { get; private set; } = [];
    public IReadOnlyList<(string Name, int Missed)> Missed { get; private set; } = [];
    public int Sessions { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct)
    {
        // One round trip: the class, its pupils with their projected rows, who missed the last sessions.
        await using var school = sessions.QueryCurrent();
        var batch = school.CreateBatchQuery();
        var found = batch.Load<SchoolClass>(classId);
        var rows = ClassRows.Queue(school, batch, classId);
        var absences = batch.Query<LiveSessionSummary>().Where(s => s.ClassId == classId).OrderByDescending(s => s.EndedAt).Take(10)
            .Select(s => new SessionAbsences(s.Absent)).ToList();
        await batch.Execute(ct);
        Class = await found;
        if (Class is null || !TeacherClasses.MayTeach(User, Class)) return NotFound();

        var pupils = (await rows.ReadAsync()).OrderBy(r => r.Pupil.FirstName).ThenBy(r => r.Pupil.LastInitial).ToList();
        var lessons = catalogue.LessonsFor(Class.Band).ToList();
        Rows = pupils.Select(r => new Row(r.Pupil.DisplayName, Strands.Select(s => StrandCoverage.Cell(r.Coverage, s, lessons)).ToList())).ToList();
        ClassCoverage = Strands.Select(s => StrandCoverage.Class(pupils.Select(r => r.Coverage), s, lessons)).ToList();
        Next = Strands.Select((s, i) => (Strand: s, ClassCoverage[i]))
            .Where(x => x.Item2.Pupils > 0 && StrandCoverage.Percent(x.Item2.Covered, x.Item2.Pupils) < 80)
            .OrderBy(x => StrandCoverage.Percent(x.Item2.Covered, x.Item2.Pupils))
            .Select(x => (Lesson: lessons.Where(l => l.Strands.Contains(x.Strand))
                    .OrderBy(l => pupils.Count(r => r.Coverage.Finished(l.Id))).FirstOrDefault(),
                x.Strand, StrandCoverage.Percent(x.Item2.Covered, x.Item2.Pupils)))
            .Where(x => x.Lesson is not null).DistinctBy(x => x.Lesson!.Id).Take(4)
            .Select(x => (x.Lesson!, x.Strand, x.Item3)).ToList();

        var now = clock.GetUtcNow();
        var aup = catalogue.PupilAupFor(Class.Band);
        Unsigned = pupils.Where(r => !r.Coverage.SignedCurrent(aup, now)).Select(r => r.Pupil.DisplayName).ToList();

        var summaries = await absences;
        Sessions = summaries.Count;
        Missed = pupils.Select(r => (r.Pupil.DisplayName, summaries.Count(s => s.Absent.Contains(r.Pupil.Id)))).Where(x => x.Item2 > 0).OrderByDescending(x => x.Item2).ToList();
        return Page();
    }

    /// <summary>Only the absences of a past session: its answers and worries are not this page's business.</summary>
    public sealed record SessionAbsences(IReadOnlyList<Guid> Absent);
}
