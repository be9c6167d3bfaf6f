using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers;

namespace StopThinkClick.Web.Safeguarding.Record;

/// <summary>A member of staff records a concern about a pupil in one of their classes; it goes to the lead's log.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RecordConcernModel(SchoolSessions sessions, TimeProvider clock) : PageModel
{
    public sealed record PupilChoice(Guid Id, string Name, string ClassName);

    public IReadOnlyList<PupilChoice> Pupils { get; private set; } = [];
    public string? Message { get; private set; }
    public Guid? PupilId { get; private set; }
    public string? Topic { get; private set; }
    public string? Details { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>
    /// The concern's id is made on the server (no id is read from the form). Anything refused comes
    /// back with what was typed, so a long account is never lost or cut.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid pupilId, string? topic, string? details, CancellationToken ct)
    {
        (PupilId, Topic, Details) = (pupilId, topic, details);
        await LoadAsync(ct);
        var pupil = Pupils.FirstOrDefault(p => p.Id == pupilId);
        if (pupil is null) return Refuse("choose a pupil from your classes.");
        await using var session = sessions.Current();
        var classId = (await session.LoadAsync<Pupil>(pupilId, ct))?.ClassId;
        var (_, decision) = await RaiseConcern.RecordAsync(session, new StaffRecord(pupilId, classId, User.PersonId(), topic, details, clock.GetUtcNow()), ct);
        return decision.Refused ? Refuse(decision.Refusal!) : Redirect("/concerns?recorded=true");
    }

    IActionResult Refuse(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        var classes = User.IsInRole(Roles.SafeguardingLead) || User.IsInRole(Roles.DeputySafeguardingLead)
            ? await school.Query<SchoolClass>().ToListAsync(ct)
            : await TeacherClasses.OfAsync(school, User, ct);
        var ids = classes.Select(c => c.Id).ToList();
        var pupils = await school.Query<Pupil>().Where(p => ids.Contains(p.ClassId) && !p.Erased).ToListAsync(ct);
        var names = classes.ToDictionary(c => c.Id, c => c.Name);
        Pupils = pupils.OrderBy(p => names[p.ClassId]).ThenBy(p => p.FirstName).Select(p => new PupilChoice(p.Id, p.DisplayName, names[p.ClassId])).ToList();
    }
}
