using System.Security.Claims;
using Marten;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Links;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.Safeguarding.Team;

/// <summary>What became of an ask or a decision: refused (and why), waiting, or done — with the link to hand over, if one was shown.</summary>
public sealed record TeamChangeOutcome(string? Refusal, TeamChange? Change = null, IssuedLink? Link = null)
{
    public bool Done => Change?.Status == TeamChangeStatus.Approved;
}

/// <summary>
/// Asks for, approves and turns down changes to the safeguarding team (<see cref="TeamChangeDecider"/>),
/// in the signed-in user's school. An approval and its effect on the account commit together,
/// checked against both the change's stream version and the account's revision, so of two leads
/// approving at once one wins and the other is told it is already done. Every ask and decision is
/// recorded on the change's stream and told to the team (<see cref="TeamMail"/>).
/// </summary>
public sealed class TeamChanges(SchoolSessions sessions, AdultAccounts accounts, StaffSignInHelp help, PasswordLinks links, TeamMail mail, TimeProvider clock)
{
    public async Task<TeamChangeOutcome> AskAsync(Guid personId, TeamChangeKind kind, AdultRole? to, ClaimsPrincipal by, CancellationToken ct)
    {
        var schoolId = sessions.CurrentSchoolId();
        var account = await accounts.ForPersonAsync(schoolId, personId, ct);
        if (account is null) return new("choose someone from the list.");
        if (account.Deactivated) return new("that account is closed. Reopen it first.");
        var team = await TeamAsync(schoolId, ct);
        var asker = by.PersonId();
        var askerApproves = asker != personId && team.Any(m => m.PersonId == asker);
        if (!askerApproves && !team.Any(m => m.PersonId != personId && m.PersonId != asker))
            return new("your school has no other designated safeguarding lead or deputy to approve this, so it cannot be done from here. "
                + "Where there is none, the trust's safeguarding lead approves; a new school's first lead is set up with the school itself (docs/operations.md).");
        await using (var query = sessions.QueryCurrent())
        {
            if (await query.Query<TeamChange>().AnyAsync(c => c.PersonId == personId && c.Kind == kind && c.Status == TeamChangeStatus.Waiting, ct))
                return new("that change is already waiting for a safeguarding lead's approval on Safeguarding → Team.");
        }

        var changeId = Guid.CreateVersion7();
        var decision = TeamChangeDecider.Ask(null, changeId, personId, kind, to, asker, askerApproves, clock.GetUtcNow());
        if (decision.Refused) return new(decision.Refusal);
        if (!askerApproves)
        {
            await using var session = sessions.Current();
            session.Events.StartStream<TeamChange>(changeId, decision.Events.ToArray());
            await session.SaveChangesAsync(ct);
            var waiting = await LoadAsync(changeId, ct);
            await mail.TellAsync(waiting!, asker, ct);
            return new(null, waiting);
        }
        return await TakeEffectAsync(changeId, account.Email, by, (session, _) =>
        {
            session.Events.StartStream<TeamChange>(changeId, decision.Events.ToArray());
            return Task.FromResult<(string?, TeamChange?)>((null, Replay(decision.Events)));
        }, ct);
    }

    public async Task<TeamChangeOutcome> ApproveAsync(Guid changeId, ClaimsPrincipal by, CancellationToken ct)
    {
        var change = await LoadAsync(changeId, ct);
        if (change is null) return new("that change cannot be found.");
        var email = (await accounts.ForPersonAsync(sessions.CurrentSchoolId(), change.PersonId, ct))?.Email;
        if (email is null) return new("that account cannot be found.");
        var approver = await IsApproverAsync(by.PersonId(), ct);
        return await TakeEffectAsync(changeId, email, by, async (session, token) =>
        {
            var stream = await session.Events.FetchForWriting<TeamChange>(changeId, token);
            var decision = TeamChangeDecider.Approve(stream.Aggregate, by.PersonId(), approver, clock.GetUtcNow());
            if (decision.Refused) return (decision.Refusal, null);
            stream.AppendMany(decision.Events);
            var approved = stream.Aggregate!;
            return (null, new TeamChange
            {
                Id = approved.Id, PersonId = approved.PersonId, Kind = approved.Kind, To = approved.To, AskedBy = approved.AskedBy, AskedAt = approved.AskedAt,
                Status = TeamChangeStatus.Approved, DecidedBy = by.PersonId(), DecidedAt = clock.GetUtcNow(),
            });
        }, ct);
    }

    public async Task<TeamChangeOutcome> RefuseAsync(Guid changeId, ClaimsPrincipal by, CancellationToken ct)
    {
        if (await LoadAsync(changeId, ct) is null) return new("that change cannot be found.");
        var approver = await IsApproverAsync(by.PersonId(), ct);
        await using var session = sessions.Current();
        var stream = await session.Events.FetchForWriting<TeamChange>(changeId, ct);
        var decision = TeamChangeDecider.Refuse(stream.Aggregate, by.PersonId(), approver, clock.GetUtcNow());
        if (decision.Refused) return new(decision.Refusal);
        stream.AppendMany(decision.Events);
        try { await session.SaveChangesAsync(ct); }
        catch (Exception e) when (Platform.Events.LostRace.Is(e)) { return new("somebody else decided on that change a moment ago."); }
        var refused = await LoadAsync(changeId, ct);
        await mail.TellAsync(refused!, by.PersonId(), ct);
        return new(null, refused);
    }

    public async Task<IReadOnlyList<TeamChange>> WaitingAsync(CancellationToken ct)
    {
        await using var query = sessions.QueryCurrent();
        return await query.Query<TeamChange>().Where(c => c.Status == TeamChangeStatus.Waiting).OrderBy(c => c.AskedAt).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TeamChange>> RecentAsync(TimeSpan within, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - within;
        await using var query = sessions.QueryCurrent();
        return await query.Query<TeamChange>().Where(c => c.AskedAt > since).OrderByDescending(c => c.AskedAt).ToListAsync(ct);
    }

    /// <summary>The school's safeguarding team now: open accounts of designated safeguarding leads and deputies.</summary>
    public async Task<IReadOnlyList<AdultAccount>> TeamAsync(string schoolId, CancellationToken ct)
    {
        await using var query = sessions.QueryFor(schoolId);
        var accountsOfSchool = await query.Query<AdultAccount>().Where(a => a.SchoolId == schoolId && !a.Deactivated).ToListAsync(ct);
        return accountsOfSchool.Where(a => ConcernReaders.Is(a.Role)).ToList();
    }

    async Task<bool> IsApproverAsync(Guid personId, CancellationToken ct) =>
        (await TeamAsync(sessions.CurrentSchoolId(), ct)).Any(m => m.PersonId == personId);

    async Task<TeamChange?> LoadAsync(Guid changeId, CancellationToken ct)
    {
        if (changeId == Guid.Empty) return null;
        await using var query = sessions.QueryCurrent();
        return await query.LoadAsync<TeamChange>(changeId, ct);
    }

    /// <summary>
    /// Writes the approval (<paramref name="decide"/> appends it, or says why not) and its effect on the
    /// account in one transaction, then hands over what the change needs: a password link to the person
    /// (e-mailed, or shown to the approver alone) or word of a two-step reset.
    /// </summary>
    async Task<TeamChangeOutcome> TakeEffectAsync(Guid changeId, string email, ClaimsPrincipal by,
        Func<IDocumentSession, CancellationToken, Task<(string? Refusal, TeamChange? Approved)>> decide, CancellationToken ct)
    {
        string? refusal = null;
        TeamChange? approved = null;
        AdultAccount? before = null;
        var now = clock.GetUtcNow();
        var after = await accounts.ChangeAsync(email, async (session, account, token) =>
        {
            (refusal, approved) = await decide(session, token);
            if (refusal is not null || approved is null) return null;
            if (account.Deactivated) { refusal = "that account was closed meanwhile."; return null; }
            before = account;
            var next = TeamChangeDecider.Effect(approved, account);
            // The staff record shows the role the account has.
            if (next.Role != account.Role && await session.LoadAsync<StaffMember>(approved.PersonId, token) is { } member)
                session.Store(member with { Roles = [AccountRoles.StaffRoleOf(next.Role)] });
            // A new role or a removed key ends their sessions; a link only ends them when it is used.
            return approved.Kind == TeamChangeKind.PasswordLink ? next : next with { SecurityStamp = SessionStamps.New() };
        }, ct, alsoWrite: (session, was, now_) => RecordEffect(session, approved!, was, now_, now));
        if (after is null) return new(refusal ?? "that account changed meanwhile; please try again.");

        IssuedLink? link = null;
        var personId = approved!.PersonId;
        if (approved.Kind == TeamChangeKind.TwoStepReset) await links.TellTwoStepResetAsync(after.Email, ct);
        else if (approved.Kind == TeamChangeKind.PasswordLink || !after.HasPassword)
            link = await help.IssueLinkAsync(personId, after.Email, before!.HasPassword ? PasswordLinkKind.Reset : PasswordLinkKind.Welcome, by, ct);
        var change = await LoadAsync(changeId, ct) ?? approved;
        await mail.TellAsync(change, by.PersonId(), ct);
        return new(null, change, link);
    }

    static void RecordEffect(IDocumentSession session, TeamChange change, AdultAccount before, AdultAccount after, DateTimeOffset at)
    {
        // History keeps who asked for the new role; the approval on the change's stream names who approved.
        if (before.Role != after.Role)
            session.Events.Append(change.PersonId, new StaffRoleChanged(change.PersonId, before.Role, after.Role, change.AskedBy, at));
        if (change.Kind == TeamChangeKind.TwoStepReset || before.TotpSecret is not null && after.TotpSecret is null)
            session.Events.Append(change.PersonId, new TwoStepReset(change.PersonId, change.DecidedBy ?? change.AskedBy, at));
    }

    static TeamChange Replay(IReadOnlyList<object> events)
    {
        var projection = new TeamChangeProjection();
        var change = projection.Create((TeamChangeAsked)events[0]);
        foreach (var approved in events.OfType<TeamChangeApproved>()) projection.Apply(approved, change);
        return change;
    }
}
