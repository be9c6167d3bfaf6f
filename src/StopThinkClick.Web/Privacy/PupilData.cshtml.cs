using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Privacy;

[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class PupilDataModel(SchoolSessions sessions, PupilErasure erasure, SubjectAccessExport export) : PageModel
{
    public Pupil? Pupil { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid pupilId, CancellationToken ct) => await LoadAsync(pupilId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid pupilId, CancellationToken ct)
    {
        var data = await export.ForPupilAsync(sessions.CurrentSchoolId(), pupilId, User, ct);
        return data is null ? NotFound() : File(data, "application/json", $"pupil-{pupilId:N}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid pupilId, string? confirm, CancellationToken ct)
    {
        if (!await LoadAsync(pupilId, ct)) return NotFound();
        if (!string.Equals(confirm?.Trim(), Pupil!.FirstName, StringComparison.OrdinalIgnoreCase))
            return Refuse($"type {Pupil.FirstName} to confirm.");
        if (await erasure.EraseAsync(sessions.CurrentSchoolId(), pupilId, User, ct) is { } problem) return Refuse(problem);
        await LoadAsync(pupilId, ct);
        Message = "the pupil's data is erased.";
        return Page();
    }

    IActionResult Refuse(string message)
    {
        (Message, Refused) = (message, true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<bool> LoadAsync(Guid pupilId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Pupil = await school.LoadAsync<Pupil>(pupilId, ct);
        return Pupil is not null;
    }
}
