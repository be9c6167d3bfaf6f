using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Schools.Admin;

[Authorize(Policy = Policies.SchoolAdmin)]
public sealed partial class AdminHomeModel(SchoolSessions sessions) : PageModel
{
    public string SchoolName { get; private set; } = "";
    public IReadOnlyList<SchoolClass> Classes { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> Counts { get; private set; } = new Dictionary<Guid, int>();
    public IReadOnlyDictionary<Guid, string> Teachers { get; private set; } = new Dictionary<Guid, string>();
    public int PupilCount { get; private set; }
    public int StaffCount { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddClassAsync(string? name, Band? band, Guid? teacherId, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 40) return await DoneAsync("give the class a name of up to 40 characters.", true, ct);
        // An enum binds from any number ("99" was stored once); only Reception to Year 6 has lessons.
        if (band is null || !Enum.IsDefined(band.Value) || ModelState.GetFieldValidationState(nameof(band)) == ModelValidationState.Invalid)
            return await DoneAsync("choose the class's year group from the list (Reception to Year 6).", true, ct);
        await using var session = sessions.Current();
        string code;
        do code = ClassCodes.New();
        while (await session.LoadAsync<ClassCodeEntry>(code, ct) is not null);
        var id = Guid.CreateVersion7();
        session.Store(new SchoolClass(id, name, band.Value, code, teacherId is { } t ? [t] : []));
        session.Store(new ClassCodeEntry(code, sessions.CurrentSchoolId(), id));
        await session.SaveChangesAsync(ct);
        return await DoneAsync($"{name} is added, with class code {code}.", false, ct);
    }

    /// <summary>A new school year: every class moves up; Year 6 leaves. Names follow ("Year 3 Oak" becomes "Year 4 Oak").</summary>
    public async Task<IActionResult> OnPostMoveUpAsync(CancellationToken ct)
    {
        await using var session = sessions.Current();
        var classes = await session.Query<SchoolClass>().Where(c => !c.Left).ToListAsync(ct);
        foreach (var c in classes)
            session.Store(c.Band == Band.Y6
                ? c with { Left = true, Name = c.Name + " (left)" }
                : c with { Band = c.Band + 1, Name = Renamed(c.Name, c.Band + 1) });
        await session.SaveChangesAsync(ct);
        return await DoneAsync($"{classes.Count} classes moved up a year.", false, ct);
    }

    static string Renamed(string name, Band to) =>
        YearWords().IsMatch(name) ? YearWords().Replace(name, to.ShortName(), 1) : name;

    [GeneratedRegex(@"\b(Reception|Year [1-6])\b")]
    private static partial Regex YearWords();

    async Task<IActionResult> DoneAsync(string message, bool refused, CancellationToken ct)
    {
        (Message, Refused) = (message, refused);
        if (refused) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        SchoolName = (await school.LoadAsync<School>(sessions.CurrentSchoolId(), ct))?.Name ?? "";
        Classes = (await school.Query<SchoolClass>().ToListAsync(ct)).Where(c => !c.Left).OrderBy(c => c.Band).ThenBy(c => c.Name).ToList();
        var pupils = await school.Query<Pupil>().Where(p => !p.Erased).Select(p => p.ClassId).ToListAsync(ct);
        Counts = pupils.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        PupilCount = pupils.Count;
        var staff = await school.Query<StaffMember>().ToListAsync(ct);
        StaffCount = staff.Count;
        Teachers = staff.Where(s => s.Roles.Contains(StaffRole.Teacher)).OrderBy(s => s.DisplayName).ToDictionary(s => s.Id, s => s.DisplayName);
    }
}
