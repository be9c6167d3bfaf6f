using System.Net.Mail;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Safeguarding.Team;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Links;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>
/// Staff accounts. The admin never sees or sets a password: a new account gets a one-time welcome
/// link (e-mailed where the school has a mail server, otherwise shown once to pass on), and a
/// forgotten password a reset link. Leavers are deactivated — signed out everywhere at once, their
/// name kept for history — and every role change is recorded. Whatever would hand out a sign-in that
/// reads children's worries (a lead's or deputy's role, password link or two-step reset) is only asked
/// for here: it waits for the safeguarding team to approve it (<see cref="TeamChanges"/>). Nobody
/// helps themselves here: their own password and two-step are on My account.
/// </summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class StaffModel(SchoolSessions sessions, AdultAccounts accounts, StaffSignInHelp help, TeamChanges team, TeamMail teamMail, SignIn.Throttle.SignInPauses pauses, TimeProvider clock) : PageModel
{
    public sealed record Row(StaffMember Member, AdultAccount? Account, IReadOnlyList<string> Waiting);
    public sealed record HistoryLine(DateTimeOffset At, Guid PersonId, string Text);

    public IReadOnlyList<Row> Staff { get; private set; } = [];
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public IReadOnlyDictionary<string, DateTimeOffset> Paused { get; private set; } = new Dictionary<string, DateTimeOffset>();
    public string? Message { get; private set; }
    public string? Link { get; private set; }
    public bool Refused { get; private set; }
    public static readonly AdultRole[] StaffRoles = [AdultRole.Teacher, AdultRole.SafeguardingLead, AdultRole.DeputySafeguardingLead, AdultRole.SchoolAdmin];

    public static string RoleName(StaffRole role) => RoleName(AccountRoles.Of(role));

    public static string RoleName(AdultRole role) => role switch
    {
        AdultRole.SafeguardingLead => "Designated safeguarding lead",
        AdultRole.DeputySafeguardingLead => "Deputy safeguarding lead",
        AdultRole.SchoolAdmin => "School admin",
        AdultRole.Parent => "Parent or carer",
        _ => "Teacher",
    };

    Guid Me => User.PersonId();
    DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? displayName, string? email, AdultRole role, CancellationToken ct)
    {
        displayName = displayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > 60) return await DoneAsync("give a name of up to 60 characters.", true, ct);
        if (string.IsNullOrWhiteSpace(email) || email.Length > 200 || !MailAddress.TryCreate(email.Trim(), out _)) return await DoneAsync("that e-mail address does not look right.", true, ct);
        if (!StaffRoles.Contains(role)) return await DoneAsync("parents join with an invitation letter, not here.", true, ct);
        var id = AdultAccount.Normalise(email);
        if (await accounts.FindAsync(id, ct) is not null) return await DoneAsync("that e-mail address already has an account.", true, ct);
        var personId = Guid.CreateVersion7();
        // A new lead or deputy starts as a teacher with no password; the team approves the rest.
        var joinsTeam = ConcernReaders.Is(role);
        var opensAs = joinsTeam ? AdultRole.Teacher : role;
        await using (var session = sessions.Current())
        {
            // No password: the person chooses their own from the welcome link.
            session.Insert(new AdultAccount(id, sessions.CurrentSchoolId(), personId, opensAs, "") { SecurityStamp = SessionStamps.New() });
            session.Store(new StaffMember(personId, displayName, [AccountRoles.StaffRoleOf(opensAs)]));
            session.Events.StartStream(personId, new StaffAccountOpened(personId, opensAs, Me, Now));
            try { await session.SaveChangesAsync(ct); }
            catch (JasperFx.DocumentAlreadyExistsException) { return await DoneAsync("that e-mail address already has an account.", true, ct); }
        }
        if (!joinsTeam) return await LinkIssuedAsync(personId, displayName, id, PasswordLinkKind.Welcome, ct);
        var asked = await team.AskAsync(personId, TeamChangeKind.JoinTeam, role, User, ct);
        return await DoneAsync($"{displayName}'s account is made, as a teacher for now. " + (asked.Refusal is null
            ? $"Becoming {RoleName(role).ToLowerInvariant()} {WaitsForTheTeam} Their welcome link comes from there: e-mailed to them, or given by the lead in person."
            : "They cannot become " + RoleName(role).ToLowerInvariant() + " yet: " + asked.Refusal), false, ct);
    }

    /// <summary>What the page says of a change it has asked the safeguarding team to approve.</summary>
    public const string WaitsForTheTeam = "waits for a designated safeguarding lead or deputy to approve it on " + ConcernReaders.WhereLeadsDoIt + "; every one of them has been told.";

    public async Task<IActionResult> OnPostLinkAsync(Guid personId, CancellationToken ct)
    {
        if (personId == Me) return await DoneAsync(NotYourOwn, true, ct);
        if (await RowAsync(personId, ct) is not { Account: { } account } row) return await DoneAsync("choose someone from the list.", true, ct);
        if (account.Deactivated) return await DoneAsync($"{row.Member.DisplayName}'s account is closed. Reopen it first.", true, ct);
        if (ConcernReaders.Is(account.Role)) return await AskedAsync(personId, TeamChangeKind.PasswordLink, null, $"a new sign-in link for {row.Member.DisplayName}", ct);
        return await LinkIssuedAsync(personId, row.Member.DisplayName, account.Email, PasswordLinkKind.Reset, ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid personId, CancellationToken ct)
    {
        if (personId == Me) return await DoneAsync("you cannot close your own account here. Ask another admin.", true, ct);
        if (await RowAsync(personId, ct) is not { Account: { } account } row) return await DoneAsync("choose someone from the list.", true, ct);
        var closed = await accounts.ChangeAsync(account.Email, a => a.Deactivated ? null : a with { Deactivated = true }, ct, endOtherSessions: true,
            alsoWrite: (s, _, _) => s.Events.Append(personId, new StaffAccountDeactivated(personId, Me, Now)));
        if (closed is not null && ConcernReaders.Is(closed.Role)) await teamMail.TellLeftAsync(personId, Me, "closed the account of", ct);
        return await DoneAsync($"{row.Member.DisplayName} can no longer sign in, and every session of theirs has ended. Their name stays in the school's records.", false, ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid personId, CancellationToken ct)
    {
        if (await RowAsync(personId, ct) is not { Account: { } account } row) return await DoneAsync("choose someone from the list.", true, ct);
        await accounts.ChangeAsync(account.Email, a => a.Deactivated ? a with { Deactivated = false } : null, ct, endOtherSessions: true,
            alsoWrite: (s, _, _) => s.Events.Append(personId, new StaffAccountReopened(personId, Me, Now)));
        return await DoneAsync($"{row.Member.DisplayName}'s account is open again. Send them a new sign-in link if they need one.", false, ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid personId, AdultRole role, CancellationToken ct)
    {
        if (personId == Me) return await DoneAsync("you cannot change your own role here. Ask another admin.", true, ct);
        if (!StaffRoles.Contains(role)) return await DoneAsync("choose a staff role.", true, ct);
        if (await RowAsync(personId, ct) is not { Account: { } account } row) return await DoneAsync("choose someone from the list.", true, ct);
        if (account.Role == role) return await DoneAsync($"{row.Member.DisplayName} already has that role.", true, ct);
        if (TeamChangeDecider.JoinsTeam(account.Role, role))
            return await AskedAsync(personId, TeamChangeKind.JoinTeam, role, $"making {row.Member.DisplayName} {RoleName(role).ToLowerInvariant()}", ct);
        // A new stamp: the old role in their cookie must not outlive the change.
        await accounts.ChangeAsync(account.Email, a => a with { Role = role }, ct, endOtherSessions: true, alsoWrite: (s, before, _) =>
        {
            s.Store(row.Member with { Roles = [AccountRoles.StaffRoleOf(role)] });
            s.Events.Append(personId, new StaffRoleChanged(personId, before.Role, role, Me, Now));
        });
        if (ConcernReaders.Is(account.Role)) await teamMail.TellLeftAsync(personId, Me, $"made {RoleName(role).ToLowerInvariant()}", ct);
        return await DoneAsync($"{row.Member.DisplayName} is now {RoleName(role).ToLowerInvariant()}. They have been signed out, so the new role applies at once.", false, ct);
    }

    public async Task<IActionResult> OnPostResetTwoStepAsync(Guid personId, CancellationToken ct)
    {
        if (personId == Me) return await DoneAsync(NotYourOwn, true, ct);
        if (await RowAsync(personId, ct) is not { Account: { } account } row) return await DoneAsync("choose someone from the list.", true, ct);
        // With a lead's password and a fresh two-step, the admin could read every worry: the team decides.
        if (ConcernReaders.Is(account.Role)) return await AskedAsync(personId, TeamChangeKind.TwoStepReset, null, $"resetting {row.Member.DisplayName}'s two-step sign-in", ct);
        await help.ResetTwoStepAsync(personId, account.Email, User, ct);
        return await DoneAsync($"{row.Member.DisplayName} will set up two-step sign-in again next time they sign in.", false, ct);
    }

    /// <summary>A stolen admin cookie alone must not take the account for good: changing one's own sign-in needs the current password and code.</summary>
    const string NotYourOwn = "your own password and two-step sign-in are changed on My account, with your current password and code, never from this page.";

    async Task<IActionResult> AskedAsync(Guid personId, TeamChangeKind kind, AdultRole? role, string what, CancellationToken ct)
    {
        var asked = await team.AskAsync(personId, kind, role, User, ct);
        if (asked.Refusal is not null) return await DoneAsync(asked.Refusal, true, ct);
        return await DoneAsync($"asked. {char.ToUpperInvariant(what[0])}{what[1..]} {WaitsForTheTeam}", false, ct);
    }

    async Task<IActionResult> LinkIssuedAsync(Guid personId, string name, string email, PasswordLinkKind kind, CancellationToken ct)
    {
        var issued = await help.IssueLinkAsync(personId, email, kind, User, ct);
        if (issued.Delivery == LinkDelivery.Withheld)
        {
            var why = $"{name} can read safeguarding concerns, so a link to choose their password is never shown here. A safeguarding lead makes it on {ConcernReaders.WhereLeadsDoIt}.";
            return kind == PasswordLinkKind.Welcome ? await DoneAsync($"{name}'s account is made. {why}", false, ct) : await DoneAsync(why, true, ct);
        }
        if (issued.Delivery == LinkDelivery.Emailed) return await DoneAsync($"a sign-in link is e-mailed to {name} ({email}). It works once.", false, ct);
        Link = issued.Url;
        return await DoneAsync($"give {name} this one-time link to choose their own password (shown only now; it works once and runs out after {(kind == PasswordLinkKind.Welcome ? "7 days" : "24 hours")}):", false, ct);
    }

    async Task<Row?> RowAsync(Guid personId, CancellationToken ct)
    {
        await LoadAsync(ct);
        return Staff.FirstOrDefault(r => r.Member.Id == personId);
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
        var members = await school.Query<StaffMember>().ToListAsync(ct);
        var byPerson = (await school.Query<AdultAccount>().Where(a => a.SchoolId == schoolId).ToListAsync(ct)).ToDictionary(a => a.PersonId);
        var names = members.ToDictionary(m => m.Id, m => m.DisplayName);
        var waiting = (await team.WaitingAsync(ct)).ToLookup(c => c.PersonId, c => TeamWording.What(c, names));
        Staff = members.OrderBy(s => s.DisplayName).Select(m => new Row(m, byPerson.GetValueOrDefault(m.Id), waiting[m.Id].ToList())).ToList();
        History = await AccountHistory.RecentAsync(school, names, ct);
        Paused = await pauses.PausedAsync(byPerson.Values, ct);
    }
}
