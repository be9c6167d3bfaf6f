using System.Net;
using Marten;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// Whoever holds a safeguarding lead's or deputy's sign-in can read every child's worries, so the
/// school admin is never handed one: without a mail server, neither a lead's link nor a reset of
/// their two-step comes from the admin's page; another lead makes them on Safeguarding → Team.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class LeadAccountHandOverTests(AppOnKestrel app)
{
    [Fact]
    public async Task Without_mail_the_admin_is_never_shown_a_leads_link_nor_resets_their_two_step_and_another_lead_can()
    {
        var school = await app.NewSchoolAsync();
        var admin = await SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var deputy = school.Adult(AdultRole.DeputySafeguardingLead);

        foreach (var person in new[] { lead, deputy })
        {
            var link = await admin.PostFormAsync("/admin/staff", Person(person.Id), "/admin/staff?handler=Link");
            link.Status.ShouldBe(HttpStatusCode.BadRequest, person.Role.ToString());
            link.Body.ShouldNotContain("one-time-link", Case.Sensitive, person.Role.ToString());
            link.Body.ShouldContain("can only be e-mailed", Case.Sensitive, person.Role.ToString());
            var twoStep = await admin.PostFormAsync("/admin/staff", Person(person.Id), "/admin/staff?handler=ResetTwoStep");
            twoStep.Status.ShouldBe(HttpStatusCode.BadRequest, person.Role.ToString());
        }
        (await LinksForAsync(lead.Email, deputy.Email)).ShouldBeEmpty("no link was even made");
        (await AccountAsync(lead.Email)).TotpSecret.ShouldNotBeNull("the lead's two-step is untouched");

        // A new lead's welcome link is not shown to the admin either: the lead makes it.
        var email = $"new.deputy@{school.Id}.test";
        var added = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["displayName"] = "Mr New", ["email"] = email, ["role"] = "DeputySafeguardingLead" });
        added.Body.ShouldNotContain("one-time-link");
        WebUtility.HtmlDecode(added.Body).ShouldContain("Safeguarding → Team");
        // A teacher's link is still shown, as before.
        (await admin.PostFormAsync("/admin/staff", Person(school.Classes[0].Teacher.Id), "/admin/staff?handler=Link")).Body.ShouldContain("one-time-link");

        var leadClient = await SignedInAsync(lead);
        var team = await leadClient.GetAsync("/safeguarding/team");
        team.Body.ShouldContain("Mr New");
        var newPerson = (await AccountAsync(email)).PersonId;
        var welcome = await leadClient.PostFormAsync("/safeguarding/team", Person(newPerson), "/safeguarding/team?handler=Link");
        var path = new Uri(ForgedHost.OneTimeLink(welcome.Body)).AbsolutePath;
        (await FormClient.For(app).PostFormAsync(path, new Dictionary<string, string> { ["password"] = "the deputy's own", ["again"] = "the deputy's own" }))
            .Body.ShouldContain("your password is set");
        var reset = await leadClient.PostFormAsync("/safeguarding/team", Person(deputy.Id), "/safeguarding/team?handler=ResetTwoStep");
        reset.Status.ShouldBe(HttpStatusCode.OK);
        (await AccountAsync(deputy.Email)).TotpSecret.ShouldBeNull();
        (await leadClient.PostFormAsync("/safeguarding/team", Person(lead.Id), "/safeguarding/team?handler=Link")).Status
            .ShouldBe(HttpStatusCode.BadRequest, "not their own: that is the forgotten-password page's job");

        await using var query = app.Store.QuerySession(school.Id);
        (await query.Events.QueryRawEventDataOnly<TwoStepReset>().ToListAsync()).ShouldContain(e => e.PersonId == deputy.Id && e.ByPersonId == lead.Id);
        (await query.Events.QueryRawEventDataOnly<SignInLinkIssued>().ToListAsync()).ShouldContain(e => e.PersonId == newPerson && e.ByPersonId == lead.Id);
    }

    static Dictionary<string, string> Person(Guid id) => new() { ["personId"] = id.ToString() };

    async Task<FormClient> SignedInAsync(AdultPlan adult)
    {
        var client = FormClient.For(app);
        await client.SignInAdultAsync(adult.Email, adult.Password);
        return client;
    }

    async Task<AdultAccount> AccountAsync(string email)
    {
        await using var query = app.Store.QuerySession();
        return (await query.LoadAsync<AdultAccount>(AdultAccount.Normalise(email)))!;
    }

    async Task<IReadOnlyList<PasswordLink>> LinksForAsync(params string[] emails)
    {
        await using var query = app.Store.QuerySession();
        var ids = emails.Select(AdultAccount.Normalise).ToArray();
        return await query.Query<PasswordLink>().Where(l => l.Email.IsOneOf(ids)).ToListAsync();
    }
}

/// <summary>With the school's mail server, a lead's link goes to the lead alone, and they hear of a two-step reset.</summary>
[Collection(nameof(MailCollection))]
public sealed class LeadAccountMailTests(MailApp app)
{
    [Fact]
    public async Task With_mail_a_leads_link_is_emailed_to_them_and_a_two_step_reset_is_told_to_them()
    {
        var school = await app.NewSchoolAsync();
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var lead = school.Adult(AdultRole.SafeguardingLead);

        var link = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = lead.Id.ToString() }, "/admin/staff?handler=Link");
        var reset = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = lead.Id.ToString() }, "/admin/staff?handler=ResetTwoStep");

        link.Status.ShouldBe(HttpStatusCode.OK);
        link.Body.ShouldNotContain("/account/set-password/");
        reset.Status.ShouldBe(HttpStatusCode.OK);
        var mails = app.Mail.To(lead.Email);
        mails.Count(m => ForgedHost.LinkInMail().IsMatch(m.Body)).ShouldBe(1);
        mails.ShouldContain(m => m.Body.Contains("two-step sign-in was reset"));
    }
}
