using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Privacy;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Leavers;

/// <summary>
/// The end-of-year action for children leaving the school. The safeguarding lead first prints the
/// safeguarding file of every leaver who has one (it goes to the next school), then erases the
/// leavers' learning data in one go. A leaver with concerns whose file has not been printed is
/// left alone, and concerns themselves are never erased here.
/// </summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class LeaversModel(SchoolSessions sessions, PupilErasure erasure) : PageModel
{
    /// <param name="FileCurrent">A file printed after the child's latest concern activity (a March print says nothing of a June worry).</param>
    public sealed record Leaver(Pupil Pupil, int Concerns, DateTimeOffset? FilePrinted, bool FileCurrent);

    public IReadOnlyList<SchoolClass> Classes { get; private set; } = [];
    public SchoolClass? Class { get; private set; }
    public IReadOnlyList<Leaver> Pupils { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task OnGetAsync(Guid? classId, CancellationToken ct) => await LoadAsync(classId, ct);

    public async Task<IActionResult> OnPostEraseAsync(Guid classId, Guid[] pupilIds, string? confirm, CancellationToken ct)
    {
        await LoadAsync(classId, ct);
        if (Class is null) return NotFound();
        if (!string.Equals(confirm?.Trim(), Class.Name, StringComparison.OrdinalIgnoreCase))
            return Refuse($"type the class name, {Class.Name}, to confirm.");
        var chosen = Pupils.Where(p => pupilIds.Contains(p.Pupil.Id)).ToList();
        if (chosen.Count == 0) return Refuse("tick the children who are leaving.");
        var waiting = chosen.Where(p => !p.FileCurrent).ToList();
        var erased = 0;
        var problems = new List<string>();
        foreach (var leaver in chosen.Except(waiting))
        {
            if (await erasure.EraseAsync(sessions.CurrentSchoolId(), leaver.Pupil.Id, User, ct, AccessKind.LeaversErasure) is { } problem)
                problems.Add($"{leaver.Pupil.DisplayName}: {problem}");
            else erased++;
        }
        await LoadAsync(classId, ct);
        var text = $"{erased} leaver(s)' learning data erased; their safeguarding records are kept.";
        if (waiting.Count > 0) text += $" Not erased until their safeguarding file is printed: {string.Join(", ", waiting.Select(w => w.Pupil.DisplayName))}.";
        if (problems.Count > 0) text += " " + string.Join(" ", problems);
        Message = text;
        Refused = waiting.Count > 0 || problems.Count > 0;
        return Page();
    }

    IActionResult Refuse(string message)
    {
        (Message, Refused) = (message, true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task LoadAsync(Guid? classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Classes = (await school.Query<SchoolClass>().ToListAsync(ct)).OrderBy(c => c.Band).ThenBy(c => c.Name).ToList();
        Class = Classes.FirstOrDefault(c => c.Id == classId);
        if (Class is null) return;
        var pupils = await school.Query<Pupil>().Where(p => p.ClassId == Class.Id && !p.Erased).ToListAsync(ct);
        var ids = pupils.Select(p => p.Id).ToList();
        var concerns = await school.Query<Concern>().Where(c => c.PupilId != null && ids.Contains(c.PupilId.Value)).ToListAsync(ct);
        var files = await school.Query<AccessRecord>().Where(r => r.What == AccessKind.SafeguardingFile && r.PupilId != null && ids.Contains(r.PupilId.Value)).ToListAsync(ct);
        Pupils = pupils.OrderBy(p => p.FirstName).Select(p =>
        {
            var mine = concerns.Where(c => c.PupilId == p.Id).ToList();
            var printed = files.Where(f => f.PupilId == p.Id).Select(f => (DateTimeOffset?)f.At).Max();
            return new Leaver(p, mine.Count, printed, ConcernActivity.FileIsCurrent(mine, printed));
        }).ToList();
    }
}
