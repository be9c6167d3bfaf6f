using Marten;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.Safeguarding.Team;

/// <summary>
/// Tells every member of the safeguarding team, by e-mail where the school has a mail server, of each
/// change to the team: asked, approved, turned down, and anyone leaving it. Without mail they see the
/// same on the concern log and on Safeguarding → Team. The one who acted is not told what they did;
/// a member of the team whose own sign-in is changed is told too.
/// </summary>
public sealed class TeamMail(SchoolSessions sessions, MailOutbox outbox, PublicAddress address)
{
    public async Task TellAsync(TeamChange change, Guid actor, CancellationToken ct)
    {
        if (!outbox.Configured) return;
        var (team, names) = await TeamAndNamesAsync([change.PersonId, change.AskedBy, change.DecidedBy ?? Guid.Empty], ct);
        var what = TeamWording.What(change, names);
        var (subject, body) = change.Status switch
        {
            TeamChangeStatus.Waiting => ("A change to your safeguarding team waits for approval",
                $"{names.Of(change.AskedBy)} asked to {what}.\n\nIt takes effect only when a designated safeguarding lead or deputy approves it. "
                + $"Approve or turn it down at {address.Of("/safeguarding/team")} — approve only if you know this is right."),
            TeamChangeStatus.Approved => ("A change to your safeguarding team was approved",
                $"{names.Of(change.DecidedBy)} approved: {what} (asked by {names.Of(change.AskedBy)})."),
            _ => ("A change to your safeguarding team was turned down",
                $"{names.Of(change.DecidedBy)} turned down: {what} (asked by {names.Of(change.AskedBy)}). Nothing changed."),
        };
        Send(team.Where(a => a.PersonId != actor), subject, body);
    }

    /// <summary>Someone left the team (a new role or a closed account): no approval needed, but the team hears of it.</summary>
    public async Task TellLeftAsync(Guid personId, Guid by, string how, CancellationToken ct)
    {
        if (!outbox.Configured) return;
        var (team, names) = await TeamAndNamesAsync([personId, by], ct);
        Send(team.Where(a => a.PersonId != by && a.PersonId != personId), "Someone left your safeguarding team",
            $"{names.Of(by)} {how} {names.Of(personId)}, who can no longer read concerns. See {address.Of("/safeguarding/team")}.");
    }

    void Send(IEnumerable<AdultAccount> to, string subject, string body)
    {
        foreach (var member in to)
            outbox.Send(member.Email, subject, body + "\n\nIf this is not what you expected, tell your headteacher at once.");
    }

    async Task<(IReadOnlyList<AdultAccount> Team, IReadOnlyDictionary<Guid, string> Names)> TeamAndNamesAsync(Guid[] people, CancellationToken ct)
    {
        var schoolId = sessions.CurrentSchoolId();
        await using var query = sessions.QueryCurrent();
        var team = (await query.Query<AdultAccount>().Where(a => a.SchoolId == schoolId && !a.Deactivated).ToListAsync(ct))
            .Where(a => ConcernReaders.Is(a.Role)).ToList();
        return (team, await Names.OfAsync(query, people, ct));
    }
}

/// <summary>How a change to the team reads on the pages and in the e-mails.</summary>
public static class TeamWording
{
    public static string What(TeamChange change, IReadOnlyDictionary<Guid, string> names) => change.Kind switch
    {
        TeamChangeKind.JoinTeam => $"make {names.Of(change.PersonId)} {StaffModel.RoleName(change.To ?? AdultRole.DeputySafeguardingLead).ToLowerInvariant()}",
        TeamChangeKind.PasswordLink => $"give {names.Of(change.PersonId)} a new sign-in link",
        _ => $"reset {names.Of(change.PersonId)}'s two-step sign-in",
    };
}
