using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Safeguarding.Team;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.UnitTests.Safeguarding;

/// <summary>The two-person rule for the safeguarding team, given what was asked, when someone decides.</summary>
public sealed class TeamChangeDeciderTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Guid Change = Guid.CreateVersion7(), Teacher = Guid.CreateVersion7(), Admin = Guid.CreateVersion7(), Lead = Guid.CreateVersion7(), Deputy = Guid.CreateVersion7();

    static TeamChange Given(params object[] events)
    {
        var projection = new TeamChangeProjection();
        var change = projection.Create((TeamChangeAsked)events[0]);
        foreach (var e in events.Skip(1))
        {
            if (e is TeamChangeApproved a) projection.Apply(a, change);
            else projection.Apply((TeamChangeRefused)e, change);
        }
        return change;
    }

    static TeamChangeAsked AdminAsksToMakeTheTeacherDeputy => new(Change, Teacher, TeamChangeKind.JoinTeam, AdultRole.DeputySafeguardingLead, Admin, T0);

    static void Refused(Decision decision, string containing)
    {
        decision.Events.ShouldBeEmpty();
        decision.Refusal.ShouldNotBeNull().ShouldContain(containing, Case.Insensitive);
    }

    [Fact]
    public void The_admin_asking_makes_a_change_that_waits() =>
        TeamChangeDecider.Ask(null, Change, Teacher, TeamChangeKind.JoinTeam, AdultRole.DeputySafeguardingLead, Admin, askerApproves: false, T0)
            .Events.ShouldBe([AdminAsksToMakeTheTeacherDeputy]);

    [Fact]
    public void A_member_of_the_team_asking_approves_it_in_the_same_breath() =>
        TeamChangeDecider.Ask(null, Change, Deputy, TeamChangeKind.TwoStepReset, null, Lead, askerApproves: true, T0)
            .Events.ShouldBe([new TeamChangeAsked(Change, Deputy, TeamChangeKind.TwoStepReset, null, Lead, T0), new TeamChangeApproved(Change, Deputy, Lead, T0)]);

    [Fact]
    public void Nobody_asks_for_a_change_to_their_own_sign_in() =>
        Refused(TeamChangeDecider.Ask(null, Change, Lead, TeamChangeKind.PasswordLink, null, Lead, askerApproves: false, T0), "My account");

    [Fact]
    public void Joining_the_team_means_a_lead_or_deputy_role() =>
        Refused(TeamChangeDecider.Ask(null, Change, Teacher, TeamChangeKind.JoinTeam, AdultRole.SchoolAdmin, Admin, askerApproves: false, T0), "lead and deputy");

    [Fact]
    public void A_lead_approves_what_the_admin_asked() =>
        TeamChangeDecider.Approve(Given(AdminAsksToMakeTheTeacherDeputy), Lead, byIsApprover: true, T0.AddHours(1))
            .Events.ShouldBe([new TeamChangeApproved(Change, Teacher, Lead, T0.AddHours(1))]);

    [Fact]
    public void The_one_who_asked_cannot_also_approve() =>
        Refused(TeamChangeDecider.Approve(Given(AdminAsksToMakeTheTeacherDeputy), Admin, byIsApprover: true, T0), "two people");

    [Fact]
    public void Someone_outside_the_team_cannot_approve() =>
        Refused(TeamChangeDecider.Approve(Given(AdminAsksToMakeTheTeacherDeputy), Guid.CreateVersion7(), byIsApprover: false, T0), "only a designated safeguarding lead");

    [Fact]
    public void The_person_changed_cannot_approve_it() =>
        Refused(TeamChangeDecider.Approve(Given(new TeamChangeAsked(Change, Lead, TeamChangeKind.TwoStepReset, null, Admin, T0)), Lead, byIsApprover: true, T0), "own");

    [Fact]
    public void A_change_is_decided_once() =>
        Refused(TeamChangeDecider.Approve(Given(AdminAsksToMakeTheTeacherDeputy, new TeamChangeApproved(Change, Teacher, Lead, T0)), Deputy, byIsApprover: true, T0), "already been approved");

    [Fact]
    public void A_turned_down_change_cannot_be_approved_afterwards() =>
        Refused(TeamChangeDecider.Approve(Given(AdminAsksToMakeTheTeacherDeputy, new TeamChangeRefused(Change, Teacher, Deputy, T0)), Lead, byIsApprover: true, T0), "turned down");

    [Fact]
    public void The_one_who_asked_may_take_it_back_but_nobody_else_outside_the_team() =>
        (TeamChangeDecider.Refuse(Given(AdminAsksToMakeTheTeacherDeputy), Admin, byIsApprover: false, T0).Events.Count,
         TeamChangeDecider.Refuse(Given(AdminAsksToMakeTheTeacherDeputy), Guid.CreateVersion7(), byIsApprover: false, T0).Refused).ShouldBe((1, true));

    [Fact]
    public void Joining_the_team_from_outside_it_starts_the_sign_in_afresh()
    {
        var account = new AdultAccount("t@school.test", "s", Teacher, AdultRole.Teacher, "hash the admin set") { TotpSecret = "KEY", RecoveryCodeHashes = ["r"] };
        var after = TeamChangeDecider.Effect(Given(AdminAsksToMakeTheTeacherDeputy, new TeamChangeApproved(Change, Teacher, Lead, T0)), account);
        (after.Role, after.HasPassword, after.TotpSecret, after.RecoveryCodeHashes.Count).ShouldBe((AdultRole.DeputySafeguardingLead, false, (string?)null, 0));
    }

    [Fact]
    public void A_deputy_made_lead_keeps_their_own_sign_in()
    {
        var account = new AdultAccount("d@school.test", "s", Deputy, AdultRole.DeputySafeguardingLead, "their hash") { TotpSecret = "KEY" };
        var after = TeamChangeDecider.Effect(Given(new TeamChangeAsked(Change, Deputy, TeamChangeKind.JoinTeam, AdultRole.SafeguardingLead, Admin, T0)), account);
        (after.Role, after.PasswordHash, after.TotpSecret).ShouldBe((AdultRole.SafeguardingLead, "their hash", "KEY"));
    }
}
