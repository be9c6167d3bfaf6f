using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.Safeguarding.Team;

/// <summary>
/// The safeguarding team's own sign-in help: a lead or deputy makes another's password link (a
/// welcome link until they have a password) or resets their two-step sign-in. The school admin
/// cannot, without a mail server, because these accounts read every child's worries. Each is
/// recorded in the person's account history, with who did it. Nobody does it for themselves here.
/// </summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class TeamModel(SchoolSessions sessions, StaffSignInHelp help) : PageModel
{
    public sealed record Member(Guid Id, string Name, AdultAccount Account);

    public IReadOnlyList<Member> Members { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Link { get; private set; }
    public bool Refused { get; private set; }

    Guid Me => User.PersonId();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostLinkAsync(Guid personId, CancellationToken ct)
    {
        if (await OtherAsync(personId, ct) is not { } member) return await DoneAsync("choose someone else in the safeguarding team from the list.", true, ct);
        if (member.Account.Deactivated) return await DoneAsync($"{member.Name}'s account is closed. The school admin can reopen it.", true, ct);
        var kind = member.Account.HasPassword ? PasswordLinkKind.Reset : PasswordLinkKind.Welcome;
        var issued = await help.IssueLinkAsync(member.Id, member.Account.Email, kind, User, ct);
        if (issued.Delivery == LinkDelivery.Withheld) return await DoneAsync("that link could not be made.", true, ct);
        if (issued.Delivery == LinkDelivery.Emailed) return await DoneAsync($"a sign-in link is e-mailed to {member.Name} ({member.Account.Email}). It works once.", false, ct);
        Link = issued.Url;
        return await DoneAsync($"give {member.Name} this one-time link yourself, in person (shown only now; it works once and runs out after {(kind == PasswordLinkKind.Welcome ? "7 days" : "24 hours")}):", false, ct);
    }

    public async Task<IActionResult> OnPostResetTwoStepAsync(Guid personId, CancellationToken ct)
    {
        if (await OtherAsync(personId, ct) is not { } member) return await DoneAsync("choose someone else in the safeguarding team from the list.", true, ct);
        if (!await help.ResetTwoStepAsync(member.Id, member.Account.Email, User, ct)) return await DoneAsync($"{member.Name} has no two-step sign-in to reset.", true, ct);
        return await DoneAsync($"{member.Name} will set up two-step sign-in again next time they sign in.", false, ct);
    }

    async Task<Member?> OtherAsync(Guid personId, CancellationToken ct)
    {
        await LoadAsync(ct);
        return personId == Me ? null : Members.FirstOrDefault(m => m.Id == personId);
    }

    async Task<IActionResult> DoneAsync(string message, bool refused, CancellationToken ct)
    {
        (Message, Refused) = (message, refused);
        if (refused) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var schoolId = sessions.CurrentSchoolId();
        await using var school = sessions.QueryCurrent();
        var team = (await school.Query<AdultAccount>().Where(a => a.SchoolId == schoolId).ToListAsync(ct)).Where(a => ConcernReaders.Is(a.Role)).ToList();
        var names = team.Count == 0 ? new Dictionary<Guid, string>()
            : (await school.LoadManyAsync<StaffMember>(ct, team.Select(a => a.PersonId).ToArray())).ToDictionary(m => m.Id, m => m.DisplayName);
        Members = team.Select(a => new Member(a.PersonId, names.GetValueOrDefault(a.PersonId, a.Email), a)).OrderBy(m => m.Name).ToList();
    }
}
