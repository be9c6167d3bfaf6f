using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>
/// The evidence a school shows an inspector: coverage of the eight strands by year group (or by
/// class within one year group), printable and as CSV.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CoverageReportModel(SchoolSessions sessions, Catalogue catalogue) : PageModel
{
    public sealed record Cell(Strand Strand, int Covered, int LiveLessons);
    public sealed record Row(string Name, int Pupils, IReadOnlyList<Cell> Cells, (Strand Strand, int Percent, Lesson Lesson)? Next);

    public Band? Band { get; private set; }
    public IReadOnlyList<Band> BandsInSchool { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(Band? band, CancellationToken ct) => await LoadAsync(band, ct);

    public async Task<IActionResult> OnGetCsvAsync(Band? band, CancellationToken ct)
    {
        await LoadAsync(band, ct);
        return CsvFile.Of($"coverage-{(band?.Slug() ?? "school")}.csv",
            ["group", "pupils", "strand", "pupils_covered", "percent", "lessons_taught_live"],
            Rows.SelectMany(row => row.Cells.Select(cell => new object[]
                { row.Name, row.Pupils, cell.Strand.Slug(), cell.Covered, StrandCoverage.Percent(cell.Covered, row.Pupils), cell.LiveLessons })));
    }

    async Task LoadAsync(Band? band, CancellationToken ct)
    {
        Band = band;
        // Small documents in one round trip: the classes, the pupils on roll with their projected rows,
        // and only the class and item of each live lesson taught.
        await using var school = sessions.QueryCurrent();
        var batch = school.CreateBatchQuery();
        var classesFound = batch.Query<SchoolClass>().ToList();
        var rows = ClassRows.Queue(school, batch);
        var taughtFound = batch.Query<LiveSessionSummary>().Where(s => s.Kind == LiveKind.Lesson).Select(s => new TaughtLive(s.ClassId, s.ItemId)).ToList();
        await batch.Execute(ct);
        var classes = await classesFound;
        var pupils = await rows.ReadAsync();
        var summaries = await taughtFound;
        BandsInSchool = classes.Select(c => c.Band).Distinct().Order().ToList();

        IEnumerable<(string Name, Band Band, IReadOnlyList<Guid> ClassIds)> groups = band is null
            ? classes.GroupBy(c => c.Band).OrderBy(g => g.Key).Select(g => (g.Key.DisplayName(), g.Key, (IReadOnlyList<Guid>)g.Select(c => c.Id).ToList()))
            : classes.Where(c => c.Band == band).OrderBy(c => c.Name).Select(c => (c.Name, c.Band, (IReadOnlyList<Guid>)[c.Id]));

        Rows = groups.Select(g =>
        {
            var lessons = catalogue.LessonsFor(g.Band).ToList();
            var members = pupils.Where(p => g.ClassIds.Contains(p.Pupil.ClassId)).Select(p => p.Coverage).ToList();
            var taught = summaries.Where(s => g.ClassIds.Contains(s.ClassId)).Select(s => catalogue.Lesson(s.ItemId)).OfType<Lesson>().ToList();
            var cells = Strands.All.Select(s =>
                new Cell(s, StrandCoverage.Class(members, s, lessons).Covered, taught.Count(l => l.Strands.Contains(s)))).ToList();
            return new Row(g.Name, members.Count, cells, StrandCoverage.TeachNext(cells.Select(c => (c.Strand, c.Covered)), members.Count, lessons));
        }).ToList();
    }

    /// <summary>A live lesson taught to a class: all the report needs of its summary.</summary>
    public sealed record TaughtLive(Guid ClassId, string ItemId);
}
