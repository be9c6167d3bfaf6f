using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers;

namespace StopThinkClick.Web.Aup.Certificates;

/// <summary>Printable certificates, made by the app from the signatures: one per child and one for the class wall.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CertificatesModel(SchoolSessions sessions, Catalogue catalogue, TimeProvider clock, Schools.Settings.SchoolContexts schools) : PageModel
{
    public sealed record Certificate(string Name, IReadOnlyList<string> Promises, string? TypedName, string? DrawnPath, string Witness, DateTimeOffset At);

    public SchoolClass? Class { get; private set; }
    public AupText? Aup { get; private set; }
    public string SchoolName { get; private set; } = "";
    public int Year { get; private set; }
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await TeacherClasses.OneAsync(school, User, classId, ct);
        if (Class is null) return NotFound();
        Aup = catalogue.PupilAupFor(Class.Band);
        SchoolName = (await school.LoadAsync<School>(sessions.CurrentSchoolId(), ct))?.Name ?? "";
        var pupils = await school.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct);
        var records = (await school.LoadManyAsync<AupRecord>(ct, pupils.Select(p => p.Id))).ToDictionary(r => r.Id);
        var now = clock.GetUtcNow();
        var calendar = (await schools.CurrentAsync(ct)).Calendar;
        Year = calendar.YearOf(now);
        var signed = pupils.Select(p => (Pupil: p, Status: AupStatus.For(records.GetValueOrDefault(p.Id) ?? new AupRecord { Id = p.Id }, Class.Band, catalogue, now, calendar)))
            .Where(x => x.Status.Pupil.Current && x.Status.Signature is not null).ToList();
        var signatures = (await school.LoadManyAsync<Signature>(ct, signed.Select(x => x.Status.Signature!.SignatureId))).ToDictionary(s => s.Id);
        var witnesses = (await school.LoadManyAsync<StaffMember>(ct, signed.Select(x => x.Status.Signature!.WitnessId).Distinct())).ToDictionary(s => s.Id, s => s.DisplayName);
        Certificates = signed.OrderBy(x => x.Pupil.FirstName).Select(x =>
        {
            var record = x.Status.Signature!;
            var signature = signatures.GetValueOrDefault(record.SignatureId);
            return new Certificate(x.Pupil.DisplayName, record.PromiseIds, signature?.TypedName ?? x.Pupil.DisplayName, signature?.DrawnPath,
                witnesses.GetValueOrDefault(record.WitnessId, "their teacher"), record.At);
        }).ToList();
        return Page();
    }
}
