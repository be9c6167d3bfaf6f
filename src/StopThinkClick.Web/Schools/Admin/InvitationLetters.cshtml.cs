using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>Paper letters with single-use codes: the app sends no e-mail and stores only each code's hash.</summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class InvitationLettersModel(SchoolSessions sessions, PublicAddress address, TimeProvider clock) : PageModel
{
    public sealed record Letter(string Pupil, string FirstName, string Code, string Qr, DateTimeOffset Expires);

    public SchoolClass? Class { get; private set; }
    public string SchoolName { get; private set; } = "";
    /// <summary>The school's configured address (printed on paper: never the Host of the admin's request).</summary>
    public string BaseUrl { get; private set; } = "";
    public IReadOnlyList<Letter> Letters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) => await LoadAsync(classId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid classId, bool onlyWithoutParent, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        await using var session = sessions.Current();
        var pupils = await session.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct);
        if (onlyWithoutParent)
        {
            var withParent = (await session.Query<Parent>().ToListAsync(ct)).SelectMany(p => p.ChildIds).ToHashSet();
            pupils = pupils.Where(p => !withParent.Contains(p.Id)).ToList();
        }
        var now = clock.GetUtcNow();
        var letters = new List<Letter>();
        foreach (var pupil in pupils.OrderBy(p => p.FirstName))
        {
            var code = Invitations.NewCode();
            session.Store(new ParentInvitation(Invitations.IdOf(code), sessions.CurrentSchoolId(), pupil.Id, now, now + Invitations.Lifetime));
            letters.Add(new Letter(pupil.DisplayName, pupil.FirstName, code, QrCodes.DataUri($"{BaseUrl}/parent/join?code={code}", 5), now + Invitations.Lifetime));
        }
        await session.SaveChangesAsync(ct);
        Letters = letters;
        return Page();
    }

    async Task<bool> LoadAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await school.LoadAsync<SchoolClass>(classId, ct);
        SchoolName = (await school.LoadAsync<School>(sessions.CurrentSchoolId(), ct))?.Name ?? "";
        BaseUrl = await address.ForSchoolAsync(sessions.CurrentSchoolId(), ct);
        return Class is not null;
    }
}
