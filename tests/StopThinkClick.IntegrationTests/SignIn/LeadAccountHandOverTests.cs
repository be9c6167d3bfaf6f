using System.Net;
using StopThinkClick.IntegrationTests.Safeguarding;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding.Team;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using static StopThinkClick.IntegrationTests.Safeguarding.TeamKit;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// Whoever holds a safeguarding lead's or deputy's sign-in can read every child's worries, so the
/// school admin is never handed one: a lead's link, a reset of their two-step and a new lead's
/// welcome link are only asked for on the admin's page, and the team approves and hands them over.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class LeadAccountHandOverTests(AppOnKestrel app)
{
    readonly TeamKit kit = new(app);

    [Fact]
    public async Task Without_mail_the_admin_only_asks_for_a_leads_link_or_two_step_reset_and_another_lead_hands_it_over()
    {
        var school = await app.NewSchoolAsync();
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var deputy = school.Adult(AdultRole.DeputySafeguardingLead);

        var link = await admin.PostFormAsync("/admin/staff", Person(lead.Id), "/admin/staff?handler=Link");
        link.Status.ShouldBe(HttpStatusCode.OK);
        link.Body.ShouldNotContain("one-time-link");
        WebUtility.HtmlDecode(link.Body).ShouldContain(StaffModel.WaitsForTheTeam);
        (await admin.PostFormAsync("/admin/staff", Person(deputy.Id), "/admin/staff?handler=ResetTwoStep")).Body.ShouldNotContain("one-time-link");
        (await kit.AccountAsync(deputy.Email)).TotpSecret.ShouldNotBeNull("the deputy's two-step is untouched until the team approves");

        // A new lead's welcome link is not shown to the admin either: the team approves, then hands it over.
        var email = $"new.deputy@{school.Id}.test";
        var added = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["displayName"] = "Mr New", ["email"] = email, ["role"] = "DeputySafeguardingLead" });
        added.Body.ShouldNotContain("one-time-link");
        WebUtility.HtmlDecode(added.Body).ShouldContain("Safeguarding → Team");
        // A teacher's link is still shown, as before.
        (await admin.PostFormAsync("/admin/staff", Person(school.Classes[0].Teacher.Id), "/admin/staff?handler=Link")).Body.ShouldContain("one-time-link");

        var leadClient = await kit.SignedInAsync(lead);
        var newPerson = (await kit.AccountAsync(email)).PersonId;
        var join = (await kit.ChangesForAsync(school.Id, newPerson)).ShouldHaveSingleItem();
        var welcome = await leadClient.PostFormAsync("/safeguarding/team", new Dictionary<string, string> { ["changeId"] = join.Id.ToString() }, "/safeguarding/team?handler=Approve");
        await kit.SetPasswordThroughAsync(welcome.Body, "the deputy's own");
        (await kit.AccountAsync(email)).Role.ShouldBe(AdultRole.DeputySafeguardingLead);

        // A lead helps another member of the team at once (asking is approving), but never themselves.
        var twoStep = (await kit.ChangesForAsync(school.Id, deputy.Id)).ShouldHaveSingleItem();
        (await leadClient.PostFormAsync("/safeguarding/team", new Dictionary<string, string> { ["changeId"] = twoStep.Id.ToString() }, "/safeguarding/team?handler=Approve"))
            .Status.ShouldBe(HttpStatusCode.OK);
        (await kit.AccountAsync(deputy.Email)).TotpSecret.ShouldBeNull();
        (await leadClient.PostFormAsync("/safeguarding/team", Person(lead.Id), "/safeguarding/team?handler=Link")).Status
            .ShouldBe(HttpStatusCode.BadRequest, "not their own: that is the forgotten-password page's job");
        var own = (await kit.ChangesForAsync(school.Id, lead.Id)).ShouldHaveSingleItem("the admin's ask for the lead's own link");
        (await leadClient.PostFormAsync("/safeguarding/team", new Dictionary<string, string> { ["changeId"] = own.Id.ToString() }, "/safeguarding/team?handler=Approve"))
            .Status.ShouldBe(HttpStatusCode.BadRequest, "nobody approves a change to their own sign-in");

        (await kit.EventsAsync<TwoStepReset>(school.Id)).ShouldContain(e => e.PersonId == deputy.Id && e.ByPersonId == lead.Id);
        (await kit.EventsAsync<SignInLinkIssued>(school.Id)).ShouldContain(e => e.PersonId == newPerson && e.ByPersonId == lead.Id);
    }
}

/// <summary>With the school's mail server, the whole team hears of each change, and a lead's link goes to the lead alone.</summary>
[Collection(nameof(MailCollection))]
public sealed class LeadAccountMailTests(MailApp app)
{
    readonly TeamKit kit = new(app);

    [Fact]
    public async Task With_mail_every_lead_hears_of_a_change_and_once_approved_the_link_is_emailed_to_the_lead_alone()
    {
        var school = await app.NewSchoolAsync();
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var deputy = school.Adult(AdultRole.DeputySafeguardingLead);

        var link = await admin.PostFormAsync("/admin/staff", Person(lead.Id), "/admin/staff?handler=Link");
        var reset = await admin.PostFormAsync("/admin/staff", Person(lead.Id), "/admin/staff?handler=ResetTwoStep");
        link.Body.ShouldNotContain("/account/set-password/");
        reset.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var member in new[] { lead, deputy })
            await Eventually.TrueAsync(() => app.Mail.To(member.Email).Count(m => m.Body.Contains("It takes effect only when")) == 2, $"{member.Role} is told of both asks");
        ForgedHost.LinkInMail().IsMatch(string.Concat(app.Mail.To(lead.Email).Select(m => m.Body))).ShouldBeFalse("no link before approval");

        var deputyClient = await kit.SignedInAsync(deputy);
        foreach (var change in await kit.ChangesForAsync(school.Id, lead.Id))
            (await deputyClient.PostFormAsync("/safeguarding/team", new Dictionary<string, string> { ["changeId"] = change.Id.ToString() }, "/safeguarding/team?handler=Approve"))
                .Status.ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(() => app.Mail.To(lead.Email).Count(m => ForgedHost.LinkInMail().IsMatch(m.Body)) == 1, "the lead's link is e-mailed to the lead");
        await Eventually.TrueAsync(() => app.Mail.To(lead.Email).Any(m => m.Body.Contains("two-step sign-in was reset")), "the lead is told of the reset");
        app.Mail.To(school.Adult(AdultRole.SchoolAdmin).Email).ShouldNotContain(m => ForgedHost.LinkInMail().IsMatch(m.Body));
        (await kit.AccountAsync(lead.Email)).TotpSecret.ShouldBeNull();
    }
}
