using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.Safeguarding.Team;

/// <summary>
/// The two-person rule for the safeguarding team (data-protection review, P0 item 4). Whoever holds a
/// lead's or deputy's sign-in reads every child's worries, so a change that would hand one out takes
/// effect only when a member of the team approves it: a designated safeguarding lead or deputy who is
/// neither the person changed nor, when they are not in the team themselves, the one who asked. A
/// member of the team who asks approves by asking. Pure: the page says who may approve.
/// </summary>
public static class TeamChangeDecider
{
    /// <summary>Whether moving someone from <paramref name="from"/> to <paramref name="to"/> makes them a reader of concerns (or a lead from a deputy).</summary>
    public static bool JoinsTeam(AdultRole from, AdultRole to) => from != to && ConcernReaders.Is(to);

    /// <param name="askerApproves">The one asking is in the team themselves (and not the person changed).</param>
    public static Decision Ask(TeamChange? existing, Guid changeId, Guid personId, TeamChangeKind kind, AdultRole? to, Guid by, bool askerApproves, DateTimeOffset at)
    {
        if (existing is not null) return Decision.Refuse("that change has already been asked for.");
        if (by == personId) return Decision.Refuse("nobody changes their own place in the safeguarding team or their own sign-in here: use My account.");
        if (kind == TeamChangeKind.JoinTeam && (to is not { } role || !ConcernReaders.Is(role)))
            return Decision.Refuse("only the safeguarding lead and deputy roles join the safeguarding team.");
        var asked = new TeamChangeAsked(changeId, personId, kind, kind == TeamChangeKind.JoinTeam ? to : null, by, at);
        return askerApproves ? Decision.Of(asked, new TeamChangeApproved(changeId, personId, by, at)) : Decision.Of(asked);
    }

    /// <param name="byIsApprover">The one approving is a member of the team now (or the trust's safeguarding lead).</param>
    public static Decision Approve(TeamChange? change, Guid by, bool byIsApprover, DateTimeOffset at)
    {
        if (Undecidable(change) is { } why) return Decision.Refuse(why);
        if (by == change!.PersonId) return Decision.Refuse("nobody approves a change to their own sign-in or role: another member of the team does.");
        if (by == change.AskedBy) return Decision.Refuse("the one who asked cannot also approve: it takes two people.");
        if (!byIsApprover) return Decision.Refuse("only a designated safeguarding lead or deputy approves changes to the safeguarding team.");
        return Decision.Of(new TeamChangeApproved(change.Id, change.PersonId, by, at));
    }

    /// <summary>A member of the team refuses it, or the one who asked takes it back.</summary>
    public static Decision Refuse(TeamChange? change, Guid by, bool byIsApprover, DateTimeOffset at)
    {
        if (Undecidable(change) is { } why) return Decision.Refuse(why);
        if (by == change!.PersonId) return Decision.Refuse("another member of the team decides on a change to your own sign-in or role.");
        if (!byIsApprover && by != change.AskedBy) return Decision.Refuse("only a designated safeguarding lead or deputy, or the one who asked, can turn this down.");
        return Decision.Of(new TeamChangeRefused(change.Id, change.PersonId, by, at));
    }

    static string? Undecidable(TeamChange? change) => change?.Status switch
    {
        null => "that change cannot be found.",
        TeamChangeStatus.Approved => "that change has already been approved.",
        TeamChangeStatus.Refused => "that change has already been turned down.",
        _ => null,
    };

    /// <summary>
    /// The account once an approved change takes effect. Someone who joins the team from outside it
    /// starts with no password and no two-step key, whoever held them before (the school admin may
    /// have set both through a link they were shown): they choose their own from a link that only
    /// they (by e-mail) or the approving lead (in person) ever sees.
    /// </summary>
    public static AdultAccount Effect(TeamChange change, AdultAccount account) => change.Kind switch
    {
        TeamChangeKind.JoinTeam when !ConcernReaders.Is(account.Role) =>
            account with { Role = change.To!.Value, PasswordHash = "", TotpSecret = null, RecoveryCodeHashes = [] },
        TeamChangeKind.JoinTeam => account with { Role = change.To!.Value },
        TeamChangeKind.TwoStepReset => account with { TotpSecret = null, RecoveryCodeHashes = [] },
        _ => account,
    };
}
