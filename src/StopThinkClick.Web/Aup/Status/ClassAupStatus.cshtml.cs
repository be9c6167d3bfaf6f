using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers;

namespace StopThinkClick.Web.Aup.Status;

/// <summary>
/// For the teacher: who has signed this year's promises, whose parents have co-signed, and each
/// child's photo and video permissions (for the teacher who takes class photos).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ClassAupStatusModel(SchoolSessions sessions, Catalogue catalogue, TimeProvider clock, Schools.Settings.SchoolContexts schools) : PageModel
{
    public sealed record Row(Guid PupilId, string Name, AupStatus Status);

    public SchoolClass? Class { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public AupText? PupilAup => catalogue.PupilAupFor(Class!.Band);
    public AupText? ParentAup => catalogue.ParentAup;
    public int Year { get; private set; }
    public int Signed => Rows.Count(r => r.Status.Pupil.Current);
    public int CoSigned => Rows.Count(r => r.Status.CoSigned.Current);

    /// <summary>How far back a changed photo or video answer is flagged: a fortnight covers the next class photo or trip.</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromDays(14);

    /// <summary>A permission answered once and later changed, within the fortnight: a teacher must see it before the next photo.</summary>
    public ConsentChange? RecentChange(AupStatus status, string permission) =>
        status.Consents.TryGetValue(permission, out var record) && record.History.Count > 1 && record.History[^1].At > clock.GetUtcNow() - RecentFor
            ? record.History[^1] : null;

    public IReadOnlyList<(string Name, string Permission, ConsentChange Change)> RecentChanges =>
        Rows.SelectMany(r => (ParentAup?.Permissions ?? []).Select(p => (r.Name, p.Id, Change: RecentChange(r.Status, p.Id))))
            .Where(x => x.Change is not null).Select(x => (x.Name, x.Id, x.Change!)).OrderByDescending(x => x.Item3.At).ToList();

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) =>
        await LoadAsync(classId, ct) ? Page() : NotFound();

    /// <summary>The permissions as CSV, for whoever takes the class photo.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid classId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        var permissions = ParentAup?.Permissions.Select(p => p.Id).ToList() ?? [];
        return CsvFile.Of($"permissions-{Class!.Name.Replace(' ', '-').ToLowerInvariant()}.csv",
            ["pupil", "signed", .. permissions],
            Rows.Select(row => new object[] { row.Name, row.Status.Pupil.Current ? "yes" : "no" }
                .Concat(permissions.Select(p => row.Status.Permission(p) switch { true => "yes", false => "no", _ => "not answered" }))));
    }

    async Task<bool> LoadAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await TeacherClasses.OneAsync(school, User, classId, ct);
        if (Class is null) return false;
        var pupils = await school.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct);
        var records = (await school.LoadManyAsync<AupRecord>(ct, pupils.Select(p => p.Id))).ToDictionary(r => r.Id);
        var now = clock.GetUtcNow();
        var calendar = (await schools.CurrentAsync(ct)).Calendar;
        Year = calendar.YearOf(now);
        Rows = pupils.OrderBy(p => p.FirstName).ThenBy(p => p.LastInitial)
            .Select(p => new Row(p.Id, p.DisplayName, AupStatus.For(records.GetValueOrDefault(p.Id) ?? new AupRecord { Id = p.Id }, Class.Band, catalogue, now, calendar)))
            .ToList();
        return true;
    }
}
