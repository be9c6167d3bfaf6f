using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers.SetWork;

[Authorize(Policy = Policies.Staff)]
public sealed class SetWorkPageModel(SchoolSessions sessions, Catalogue catalogue, TimeProvider clock) : PageModel
{
    public Catalogue Catalogue => catalogue;
    public SchoolClass? Class { get; private set; }
    public IReadOnlyDictionary<Guid, string> Pupils { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<WorkSet> Set { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) => await LoadAsync(classId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid classId, string? itemId, Guid? pupilId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        var item = catalogue.Item(itemId ?? "");
        if (item is not (Lesson or Quiz or Scenario)) return Refuse("choose a lesson, quiz or story from the list.");
        if (pupilId is { } p && !Pupils.ContainsKey(p)) return Refuse("that pupil is not in this class.");
        await using (var session = sessions.Current())
        {
            session.Store(new WorkSet(Guid.CreateVersion7(), classId, pupilId, item.Id, User.PersonId(), clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        await LoadAsync(classId, ct);
        Message = $"“{item.Title}” is set for {(pupilId is { } who ? Pupils[who] : "the whole class")}.";
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid classId, Guid workId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        if (Set.All(w => w.Id != workId)) return Refuse("that is not set for this class.");
        await using (var session = sessions.Current())
        {
            session.Delete<WorkSet>(workId);
            await session.SaveChangesAsync(ct);
        }
        await LoadAsync(classId, ct);
        Message = "removed.";
        return Page();
    }

    IActionResult Refuse(string message)
    {
        (Message, Refused) = (message, true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<bool> LoadAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await TeacherClasses.OneAsync(school, User, classId, ct);
        if (Class is null) return false;
        Pupils = (await school.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct))
            .OrderBy(p => p.FirstName).ToDictionary(p => p.Id, p => p.DisplayName);
        Set = await school.Query<WorkSet>().Where(w => w.ClassId == classId).OrderByDescending(w => w.At).ToListAsync(ct);
        return true;
    }
}
