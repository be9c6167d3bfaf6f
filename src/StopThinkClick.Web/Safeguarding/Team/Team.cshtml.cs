using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Links;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.Web.Safeguarding.Team;

/// <summary>
/// The safeguarding team's own page. Changes that would hand out a sign-in reading every child's
/// worries wait here for one of the team to approve or turn down (<see cref="TeamChanges"/>), with
/// what led up to each; and a lead or deputy helps another back in (a password link, a two-step
/// reset) — asked and approved by them at once, recorded, and told to the rest of the team. Nobody
/// does it for themselves here.
/// </summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class TeamModel(SchoolSessions sessions, TeamChanges changes, SignInPauses pauses) : PageModel
{
    public sealed record Member(Guid Id, string Name, AdultAccount Account);
    public sealed record PausedStaff(Guid Id, string Name, DateTimeOffset Until);
    public sealed record Waiting(TeamChange Change, string What, string AskedBy, IReadOnlyList<StaffModel.HistoryLine> LeadingUp);

    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<Waiting> Changes { get; private set; } = [];
    public IReadOnlyList<StaffModel.HistoryLine> Recent { get; private set; } = [];
    /// <summary>Staff whose sign-in is paused after wrong tries, and until when: a lead lets them back in.</summary>
    public IReadOnlyList<PausedStaff> Paused { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Link { get; private set; }
    public bool Refused { get; private set; }

    Guid Me => User.PersonId();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostLinkAsync(Guid personId, CancellationToken ct)
    {
        if (await OtherAsync(personId, ct) is not { } member) return await DoneAsync("choose someone else in the safeguarding team from the list.", true, ct);
        if (member.Account.Deactivated) return await DoneAsync($"{member.Name}'s account is closed. The school admin can reopen it.", true, ct);
        return await OutcomeAsync(await changes.AskAsync(member.Id, TeamChangeKind.PasswordLink, null, User, ct), member.Name, ct);
    }

    public async Task<IActionResult> OnPostResetTwoStepAsync(Guid personId, CancellationToken ct)
    {
        if (await OtherAsync(personId, ct) is not { } member) return await DoneAsync("choose someone else in the safeguarding team from the list.", true, ct);
        if (member.Account.TotpSecret is null) return await DoneAsync($"{member.Name} has no two-step sign-in to reset.", true, ct);
        return await OutcomeAsync(await changes.AskAsync(member.Id, TeamChangeKind.TwoStepReset, null, User, ct), member.Name, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid changeId, CancellationToken ct) =>
        await OutcomeAsync(await changes.ApproveAsync(changeId, User, ct), null, ct);

    public async Task<IActionResult> OnPostRefuseAsync(Guid changeId, CancellationToken ct)
    {
        var outcome = await changes.RefuseAsync(changeId, User, ct);
        return outcome.Refusal is not null ? await DoneAsync(outcome.Refusal, true, ct) : await DoneAsync("turned down. Nothing changed, and the rest of the team has been told.", false, ct);
    }

    public async Task<IActionResult> OnPostUnpauseAsync(Guid personId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (personId == Me || Paused.FirstOrDefault(p => p.Id == personId) is not { } paused) return await DoneAsync("choose someone else whose sign-in is paused.", true, ct);
        await using (var school = sessions.QueryCurrent())
        {
            var schoolId = sessions.CurrentSchoolId();
            var account = await school.Query<AdultAccount>().FirstAsync(a => a.SchoolId == schoolId && a.PersonId == personId, ct);
            await pauses.UnpauseAsync(account, User, ct);
        }
        return await DoneAsync($"{paused.Name} can sign in again at once.", false, ct);
    }

    async Task<IActionResult> OutcomeAsync(TeamChangeOutcome outcome, string? name, CancellationToken ct)
    {
        if (outcome.Refusal is not null) return await DoneAsync(outcome.Refusal, true, ct);
        var change = outcome.Change!;
        name ??= (await NamesAsync([change.PersonId], ct)).Of(change.PersonId);
        var done = change.Kind switch
        {
            TeamChangeKind.JoinTeam => $"{name} is now {StaffModel.RoleName(change.To!.Value).ToLowerInvariant()}, signed out everywhere, with no password or two-step until they choose their own.",
            TeamChangeKind.TwoStepReset => $"{name} will set up two-step sign-in again next time they sign in.",
            _ => $"{name} has a new sign-in link.",
        };
        switch (outcome.Link?.Delivery)
        {
            case LinkDelivery.Emailed: done += $" Their link is e-mailed to them; it works once."; break;
            case LinkDelivery.Shown:
                Link = outcome.Link.Url;
                done += " Give them this one-time link yourself, in person (shown only now, to you alone; it works once):";
                break;
        }
        return await DoneAsync(done, false, ct);
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

    async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        return await Names.OfAsync(school, ids, ct);
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var schoolId = sessions.CurrentSchoolId();
        await using var school = sessions.QueryCurrent();
        var accounts = await school.Query<AdultAccount>().Where(a => a.SchoolId == schoolId).ToListAsync(ct);
        var team = accounts.Where(a => ConcernReaders.Is(a.Role)).ToList();
        var waiting = await changes.WaitingAsync(ct);
        var names = await Names.OfAsync(school, accounts.Select(a => a.PersonId), ct);
        var staff = accounts.Where(a => a.Role != AdultRole.Parent && !a.Deactivated).ToList();
        var paused = await pauses.PausedAsync(staff, ct);
        Paused = staff.Where(a => paused.ContainsKey(a.Email)).Select(a => new PausedStaff(a.PersonId, names.GetValueOrDefault(a.PersonId, a.Email), paused[a.Email])).OrderBy(p => p.Name).ToList();
        Members = team.Select(a => new Member(a.PersonId, names.GetValueOrDefault(a.PersonId, a.Email), a)).OrderBy(m => m.Name).ToList();

        // What concerns the team: its members, whoever a change is about, and whoever left it.
        var history = await AccountHistory.RecentAsync(school, names, ct);
        var involved = team.Select(a => a.PersonId).Concat(waiting.Select(c => c.PersonId)).Concat((await changes.RecentAsync(TimeSpan.FromDays(90), ct)).Select(c => c.PersonId)).ToHashSet();
        Changes = waiting.Select(c => new Waiting(c, TeamWording.What(c, names), names.Of(c.AskedBy),
            history.Where(h => h.PersonId == c.PersonId && h.At < c.AskedAt && h.At > c.AskedAt.AddDays(-30)).ToList())).ToList();
        Recent = history.Where(h => involved.Contains(h.PersonId)).Take(15).ToList();
    }
}
