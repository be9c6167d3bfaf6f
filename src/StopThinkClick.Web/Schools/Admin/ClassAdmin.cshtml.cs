using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Schools.Admin;

[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class ClassAdminModel(SchoolSessions sessions) : PageModel
{
    public SchoolClass? Class { get; private set; }
    public IReadOnlyList<Pupil> Pupils { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Teachers { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<string> TeacherNames { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) => await LoadAsync(classId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddPupilAsync(Guid classId, string? firstName, string? lastInitial, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        if (PupilNames.Problem(firstName, lastInitial) is { } problem) return await DoneAsync(classId, problem + ".", true, ct);
        var (first, initial) = PupilNames.Clean(firstName!, lastInitial!);
        var pin = PicturePin.Random(Class!.Band);
        var id = Guid.CreateVersion7();
        await using (var session = sessions.Current())
        {
            session.Store(new Pupil(id, classId, first, initial) { Avatar = Avatars.ForNewPupil(id, Pupils), SignIn = new PupilSignIn { PinHash = PicturePin.Hash(id, pin), PinLength = pin.Count } });
            await session.SaveChangesAsync(ct);
        }
        return await DoneAsync(classId, $"{first} {initial}. is added. Print their login card from the class's login cards page.", false, ct);
    }

    public async Task<IActionResult> OnPostTeacherAsync(Guid classId, Guid teacherId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        if (!Teachers.ContainsKey(teacherId)) return await DoneAsync(classId, "choose a teacher from the list.", true, ct);
        await using (var session = sessions.Current())
        {
            session.Store(Class! with { TeacherIds = Class.TeacherIds.Append(teacherId).Distinct().ToList() });
            await session.SaveChangesAsync(ct);
        }
        return await DoneAsync(classId, $"{Teachers[teacherId]} now teaches this class.", false, ct);
    }

    async Task<IActionResult> DoneAsync(Guid classId, string message, bool refused, CancellationToken ct)
    {
        (Message, Refused) = (message, refused);
        if (refused) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(classId, ct);
        return Page();
    }

    async Task<bool> LoadAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await school.LoadAsync<SchoolClass>(classId, ct);
        if (Class is null) return false;
        Pupils = (await school.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct)).OrderBy(p => p.FirstName).ToList();
        var staff = await school.Query<StaffMember>().ToListAsync(ct);
        Teachers = staff.Where(s => s.Roles.Contains(StaffRole.Teacher)).OrderBy(s => s.DisplayName).ToDictionary(s => s.Id, s => s.DisplayName);
        TeacherNames = staff.Where(s => Class.TeacherIds.Contains(s.Id)).Select(s => s.DisplayName).ToList();
        return true;
    }
}
