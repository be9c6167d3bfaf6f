using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers.Coverage;

namespace StopThinkClick.Web.Teachers.Dashboard;

/// <summary>
/// The class at a glance, from the projections: each pupil by strand, who has not signed the AUP,
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
        await using var school = sessions.QueryCurrent();
        Class = await TeacherClasses.OneAsync(school, User, classId, ct);
        if (Class is null) return NotFound();
        var pupils = (await school.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct))
            .OrderBy(p => p.FirstName).ThenBy(p => p.LastInitial).ToList();
        var progress = (await school.LoadManyAsync<PupilProgress>(ct, pupils.Select(p => p.Id))).ToDictionary(p => p.Id);
        PupilProgress Of(Pupil p) => progress.GetValueOrDefault(p.Id) ?? new PupilProgress { Id = p.Id };
        var lessons = catalogue.LessonsFor(Class.Band).ToList();

        Rows = pupils.Select(p => new Row(p.DisplayName, Strands.Select(s => StrandCoverage.Cell(Of(p), s, lessons, catalogue)).ToList())).ToList();
        ClassCoverage = Strands.Select(s => StrandCoverage.Class(pupils.Select(Of), s, lessons)).ToList();
        Next = Strands.Select((s, i) => (Strand: s, ClassCoverage[i]))
            .Where(x => x.Item2.Pupils > 0 && StrandCoverage.Percent(x.Item2.Covered, x.Item2.Pupils) < 80)
            .OrderBy(x => StrandCoverage.Percent(x.Item2.Covered, x.Item2.Pupils))
            .Select(x => (Lesson: lessons.Where(l => l.Strands.Contains(x.Strand))
                    .OrderBy(l => pupils.Count(p => Of(p).Lessons.GetValueOrDefault(l.Id)?.Completed == true)).FirstOrDefault(),
                x.Strand, StrandCoverage.Percent(x.Item2.Covered, x.Item2.Pupils)))
            .Where(x => x.Lesson is not null).DistinctBy(x => x.Lesson!.Id).Take(4)
            .Select(x => (x.Lesson!, x.Strand, x.Item3)).ToList();

        var now = clock.GetUtcNow();
        Unsigned = pupils.Where(p => !AupStatus.For(Of(p), Class.Band, catalogue, now).Pupil.Current).Select(p => p.DisplayName).ToList();

        var summaries = await school.Query<LiveSessionSummary>().Where(s => s.ClassId == classId).OrderByDescending(s => s.EndedAt).Take(10).ToListAsync(ct);
        Sessions = summaries.Count;
        Missed = pupils.Select(p => (p.DisplayName, summaries.Count(s => s.Absent.Contains(p.Id)))).Where(x => x.Item2 > 0).OrderByDescending(x => x.Item2).ToList();
        return Page();
    }
}
