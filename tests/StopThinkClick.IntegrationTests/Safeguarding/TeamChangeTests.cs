using System.Net;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding.Team;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using static StopThinkClick.IntegrationTests.Safeguarding.TeamKit;

namespace StopThinkClick.IntegrationTests.Safeguarding;

/// <summary>
/// Nobody can quietly make themselves a reader of children's worries (data-protection review, P0
/// item 4 and probe 2). Both ways the school admin had — a teacher account of their own promoted to
/// deputy, or a real deputy demoted, reset and promoted back — end in a change waiting for a lead,
/// and once a lead approves, the sign-in the admin had set up no longer works.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class TeamChangeTests(AppOnKestrel app)
{
    readonly TeamKit kit = new(app);

    [Fact]
    public async Task An_admin_who_makes_a_teacher_sets_its_password_and_promotes_it_gets_a_change_waiting_for_a_lead_not_a_reader()
    {
        var school = await app.NewSchoolAsync();
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        var email = $"mr.plant@{school.Id}.test";
        var added = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["displayName"] = "Mr Plant", ["email"] = email, ["role"] = "Teacher" });
        await kit.SetPasswordThroughAsync(added.Body, "the admin's own choice");
        var plant = await kit.AccountAsync(email);

        var promoted = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = plant.PersonId.ToString(), ["role"] = "DeputySafeguardingLead" }, "/admin/staff?handler=Role");

        (await kit.AccountAsync(email)).Role.ShouldBe(AdultRole.Teacher, "nothing changes until a lead approves");
        promoted.Status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(promoted.Body).ShouldContain("waits for a designated safeguarding lead or deputy to approve it");
        var asPlant = await kit.SignedInAsync(email, "the admin's own choice");
        (await asPlant.GetAsync("/safeguarding")).Status.ShouldNotBe(HttpStatusCode.OK, "the admin's teacher reads no concern");
        var waiting = (await kit.ChangesForAsync(school.Id, plant.PersonId)).ShouldHaveSingleItem();
        waiting.Status.ShouldBe(TeamChangeStatus.Waiting);

        // The lead is told on screen, and approving starts Mr Plant's sign-in afresh: the password the admin chose is gone.
        var lead = await kit.SignedInAsync(school.Adult(AdultRole.SafeguardingLead));
        WebUtility.HtmlDecode((await lead.GetAsync("/safeguarding")).Body).ShouldContain("1 change to the safeguarding team waits for your approval");
        (await lead.GetAsync("/safeguarding/team")).Body.ShouldContain("make Mr Plant deputy safeguarding lead");
        var approved = await lead.PostFormAsync("/safeguarding/team", new Dictionary<string, string> { ["changeId"] = waiting.Id.ToString() }, "/safeguarding/team?handler=Approve");
        approved.Status.ShouldBe(HttpStatusCode.OK);
        approved.Body.ShouldContain("one-time-link", Case.Sensitive, "the new deputy's link is shown to the lead who approved, to give in person");
        (await kit.AccountAsync(email)).Role.ShouldBe(AdultRole.DeputySafeguardingLead);
        (await kit.SignInAsync(email, "the admin's own choice")).ShouldBeNull("the admin's password for the account no longer works");
        (await asPlant.GetAsync("/teacher")).Status.ShouldNotBe(HttpStatusCode.OK, "the admin's session as the teacher has ended");
        (await kit.EventsAsync<TeamChangeApproved>(school.Id)).ShouldContain(e => e.ChangeId == waiting.Id && e.ByPersonId == school.Adult(AdultRole.SafeguardingLead).Id);
    }

    [Fact]
    public async Task An_admin_who_demotes_a_deputy_resets_their_sign_in_and_promotes_them_back_gets_a_change_waiting_for_a_lead()
    {
        var school = await app.NewSchoolAsync();
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        var deputy = school.Adult(AdultRole.DeputySafeguardingLead);

        (await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = deputy.Id.ToString(), ["role"] = "Teacher" }, "/admin/staff?handler=Role"))
            .Status.ShouldBe(HttpStatusCode.OK, "leaving the team needs nobody's approval");
        var link = await admin.PostFormAsync("/admin/staff", Person(deputy.Id), "/admin/staff?handler=Link");
        await kit.SetPasswordThroughAsync(link.Body, "the admin knows this one");
        (await admin.PostFormAsync("/admin/staff", Person(deputy.Id), "/admin/staff?handler=ResetTwoStep")).Status.ShouldBe(HttpStatusCode.OK);
        var back = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = deputy.Id.ToString(), ["role"] = "DeputySafeguardingLead" }, "/admin/staff?handler=Role");

        (await kit.AccountAsync(deputy.Email)).Role.ShouldBe(AdultRole.Teacher, "nothing changes until a lead approves");
        WebUtility.HtmlDecode(back.Body).ShouldContain("waits for a designated safeguarding lead or deputy to approve it");
        var asDeputy = await kit.SignedInAsync(deputy.Email, "the admin knows this one");
        (await asDeputy.GetAsync("/safeguarding")).Status.ShouldNotBe(HttpStatusCode.OK);
        var lead = await kit.SignedInAsync(school.Adult(AdultRole.SafeguardingLead));
        var team = WebUtility.HtmlDecode((await lead.GetAsync("/safeguarding/team")).Body);
        team.ShouldContain($"make {deputy.DisplayName} deputy safeguarding lead");
        team.ShouldContain($"changed {deputy.DisplayName} from deputy safeguarding lead to teacher", Case.Sensitive, "the lead sees what led up to it");
    }

    [Fact]
    public async Task The_admin_cannot_make_their_own_sign_in_link_nor_reset_their_own_two_step_from_the_staff_page()
    {
        var school = await app.NewSchoolAsync();
        var head = school.Adult(AdultRole.SchoolAdmin);
        var admin = await kit.SignedInAsync(head);

        var link = await admin.PostFormAsync("/admin/staff", Person(head.Id), "/admin/staff?handler=Link");
        var twoStep = await admin.PostFormAsync("/admin/staff", Person(head.Id), "/admin/staff?handler=ResetTwoStep");

        link.Status.ShouldBe(HttpStatusCode.BadRequest);
        link.Body.ShouldNotContain("one-time-link");
        twoStep.Status.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(twoStep.Body).ShouldContain("My account");
        var account = await kit.AccountAsync(head.Email);
        account.TotpSecret.ShouldNotBeNull("a stolen admin cookie cannot move the admin's two-step onto another phone");
        (await kit.EventsAsync<SignInLinkIssued>(school.Id)).ShouldNotContain(e => e.PersonId == head.Id);
    }

    [Fact]
    public async Task Of_two_leads_approving_one_change_at_once_exactly_one_approves_it()
    {
        var school = await app.NewSchoolAsync();
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        var teacher = school.Classes[0].Teacher;
        await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = teacher.Id.ToString(), ["role"] = "SafeguardingLead" }, "/admin/staff?handler=Role");
        var change = (await kit.ChangesForAsync(school.Id, teacher.Id)).ShouldHaveSingleItem();
        var lead = await kit.SignedInAsync(school.Adult(AdultRole.SafeguardingLead));
        var deputy = await kit.SignedInAsync(school.Adult(AdultRole.DeputySafeguardingLead));

        var form = new Dictionary<string, string> { ["changeId"] = change.Id.ToString() };
        var both = await Task.WhenAll(lead.PostFormAsync("/safeguarding/team", form, "/safeguarding/team?handler=Approve"),
            deputy.PostFormAsync("/safeguarding/team", form, "/safeguarding/team?handler=Approve"));

        both.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        both.Count(r => r.Body.Contains("one-time-link")).ShouldBe(1, "one link, shown to the one who approved");
        (await kit.EventsAsync<TeamChangeApproved>(school.Id)).Count(e => e.ChangeId == change.Id).ShouldBe(1);
        (await kit.EventsAsync<StaffRoleChanged>(school.Id)).Count(e => e.PersonId == teacher.Id).ShouldBe(1);
        (await kit.AccountAsync(teacher.Email)).Role.ShouldBe(AdultRole.SafeguardingLead);
    }

    [Fact]
    public async Task A_lead_turns_down_a_change_and_nothing_changes_and_the_one_who_asked_cannot_approve_it()
    {
        var school = await app.NewSchoolAsync();
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        await admin.PostFormAsync("/admin/staff", Person(school.Adult(AdultRole.SafeguardingLead).Id), "/admin/staff?handler=ResetTwoStep");
        var change = (await kit.ChangesForAsync(school.Id, school.Adult(AdultRole.SafeguardingLead).Id)).ShouldHaveSingleItem();
        change.Kind.ShouldBe(TeamChangeKind.TwoStepReset);

        // The deputy turns it down; the lead's key stays, and the change cannot be approved afterwards.
        var deputy = await kit.SignedInAsync(school.Adult(AdultRole.DeputySafeguardingLead));
        (await deputy.PostFormAsync("/safeguarding/team", new Dictionary<string, string> { ["changeId"] = change.Id.ToString() }, "/safeguarding/team?handler=Refuse"))
            .Status.ShouldBe(HttpStatusCode.OK);
        (await deputy.PostFormAsync("/safeguarding/team", new Dictionary<string, string> { ["changeId"] = change.Id.ToString() }, "/safeguarding/team?handler=Approve"))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await kit.AccountAsync(school.Adult(AdultRole.SafeguardingLead).Email)).TotpSecret.ShouldNotBeNull();
        (await kit.ChangesForAsync(school.Id, school.Adult(AdultRole.SafeguardingLead).Id)).Single().Status.ShouldBe(TeamChangeStatus.Refused);
        (await admin.GetAsync("/admin/staff")).Body.ShouldContain("turned down");
    }
}
