using System.Net;
using System.Text.RegularExpressions;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>Adults' own passwords from one-time links, two-step sign-in, leavers and role changes (issue 18, items 1–3).</summary>
[Collection(nameof(AppCollection))]
public sealed partial class AdultAccountTests(AppOnKestrel app)
{
    async Task<FormClient> AdminAsync(SchoolPlan school)
    {
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        return admin;
    }

    async Task<FormClient> SignedInAsync(AdultPlan adult)
    {
        var client = FormClient.For(app);
        await client.SignInAdultAsync(adult.Email, adult.Password);
        return client;
    }

    [Fact]
    public async Task A_new_member_of_staff_chooses_their_own_password_and_the_link_works_once()
    {
        var school = await app.NewSchoolAsync();
        var admin = await AdminAsync(school);
        var email = $"new.teacher@{school.Id}.test";

        var added = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["displayName"] = "Mr Link", ["email"] = email, ["role"] = "Teacher" });
        added.Status.ShouldBe(HttpStatusCode.OK);
        added.Body.ShouldNotContain("one-time password", Case.Insensitive, "the admin is never shown a password");
        var link = new Uri(OneTimeLink().Match(added.Body).Groups[1].Value).AbsolutePath;

        // Both open the link first, then both send at once.
        var opened = await Task.WhenAll(new[] { "first password chosen", "second password chosen" }.Select(async password =>
        {
            var client = FormClient.For(app);
            return (password, client, token: FormClient.TokenOf((await client.GetAsync(link)).Body)!);
        }));
        var results = await Task.WhenAll(opened.Select(async o =>
        {
            using var post = await o.client.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["password"] = o.password, ["again"] = o.password, ["__RequestVerificationToken"] = o.token,
            }));
            return (o.password, (Status: post.StatusCode, Body: await post.Content.ReadAsStringAsync()));
        }));

        results.Count(r => r.Item2.Body.Contains("your password is set")).ShouldBe(1, "two uses at once: one wins");
        var winner = results.Single(r => r.Item2.Body.Contains("your password is set")).password;
        var loser = results.Single(r => r.password != winner);
        loser.Item2.Status.ShouldBe(HttpStatusCode.BadRequest);
        loser.Item2.Body.ShouldContain("already been used");
        var again = await FormClient.For(app).GetAsync(link);
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Body.ShouldContain("already been used");
        (await FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = loser.password })).Status.ShouldBe(HttpStatusCode.OK);
        var signIn = await FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = winner });
        signIn.Location.ShouldBe("/teacher");
    }

    [Fact]
    public async Task A_wrong_or_made_up_link_gets_a_kind_message()
    {
        var page = await FormClient.For(app).GetAsync("/account/set-password/" + new string('a', 32));
        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Body.ShouldContain("can&#x27;t find that link");
    }

    [Fact]
    public async Task A_deactivated_safeguarding_leads_open_session_is_refused_at_once()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var leadClient = await SignedInAsync(lead);
        (await leadClient.GetAsync("/safeguarding")).Status.ShouldBe(HttpStatusCode.OK);
        var admin = await AdminAsync(school);

        var closed = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = lead.Id.ToString() }, "/admin/staff?handler=Deactivate");
        closed.Status.ShouldBe(HttpStatusCode.OK);

        var after = await leadClient.GetAsync("/safeguarding");
        after.Status.ShouldBe(HttpStatusCode.Redirect);
        after.Location!.ShouldContain("/signin");
        var again = await FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = lead.Email, ["password"] = lead.Password });
        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Body.ShouldContain("no longer open");
        await using var query = app.Store.QuerySession(school.Id);
        (await query.LoadAsync<StaffMember>(lead.Id))!.DisplayName.ShouldBe(lead.DisplayName, "history keeps the name");
        (await query.Events.QueryRawEventDataOnly<StaffAccountDeactivated>().ToListAsync()).ShouldContain(e => e.PersonId == lead.Id);
    }

    [Fact]
    public async Task A_safeguarding_lead_without_two_step_cannot_open_the_concern_log_until_they_set_it_up()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        await using (var session = app.Store.LightweightSession())
        {
            var account = (await session.LoadAsync<AdultAccount>(AdultAccount.Normalise(lead.Email)))!;
            session.UpdateRevision(account with { TotpSecret = null }, account.Version + 1);
            await session.SaveChangesAsync();
        }
        var client = FormClient.For(app);
        var signIn = await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = lead.Email, ["password"] = lead.Password });
        signIn.Location.ShouldBe("/account/two-step?required=true");

        var log = await client.GetAsync("/safeguarding");
        log.Status.ShouldBe(HttpStatusCode.Redirect);
        log.Location!.ShouldContain("/account/two-step");

        var setup = await client.GetAsync("/account/two-step?required=true");
        setup.Body.ShouldContain("data:image/png;base64,", Case.Sensitive, "the QR code is drawn by the app itself");
        var secret = SetupKey().Match(setup.Body).Groups[1].Value;
        var done = await client.PostFormAsync("/account/two-step", new Dictionary<string, string>
        {
            ["pending"] = WebUtility.HtmlDecode(PendingKey().Match(setup.Body).Groups[1].Value), ["code"] = TwoStepRules.CodeAt(secret, DateTimeOffset.UtcNow),
        });
        done.Body.ShouldContain("recovery codes");
        (await client.GetAsync("/safeguarding")).Status.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>An admin's password alone must not open staff pages that show every child's card and PIN.</summary>
    [Theory]
    [InlineData(AdultRole.SchoolAdmin)]
    [InlineData(AdultRole.SafeguardingLead)]
    public async Task A_lead_or_admin_without_two_step_opens_no_staff_page_until_they_set_it_up(AdultRole role)
    {
        var school = await app.NewSchoolAsync((StopThinkClick.Curriculum.Model.Band.Y3, 2));
        var adult = school.Adult(role);
        await using (var session = app.Store.LightweightSession())
        {
            var account = (await session.LoadAsync<AdultAccount>(AdultAccount.Normalise(adult.Email)))!;
            session.UpdateRevision(account with { TotpSecret = null }, account.Version + 1);
            await session.SaveChangesAsync();
        }
        var client = FormClient.For(app);
        await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = adult.Email, ["password"] = adult.Password });

        foreach (var path in new[] { "/teacher", "/coverage", "/teacher/browse", $"/teacher/classes/{school.Classes[0].Id}/cards", $"/teacher/classes/{school.Classes[0].Id}" })
        {
            var page = await client.GetAsync(path);
            page.Status.ShouldBe(HttpStatusCode.Redirect, path);
            page.Location!.ShouldContain("/account/two-step", Case.Sensitive, path);
        }
        (await client.GetAsync("/account/two-step?required=true")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_two_step_codes_are_counted_like_passwords()
    {
        var school = await app.NewSchoolAsync();
        var admin = school.Adult(AdultRole.SchoolAdmin);
        var client = FormClient.For(app);
        var signIn = await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = admin.Email, ["password"] = admin.Password });
        signIn.Location.ShouldStartWith("/signin/code");
        var first = await client.PostFormAsync("/signin/code", new Dictionary<string, string> { ["code"] = "000000" });
        first.Body.ShouldContain("that code did not work");
        for (var i = 1; i < 5; i++) await client.PostFormAsync("/signin/code", new Dictionary<string, string> { ["code"] = $"00000{i}" });

        var right = await client.PostFormAsync("/signin/code", new Dictionary<string, string> { ["code"] = TwoStepCodes.NextCode(admin.Email) });

        right.Status.ShouldBe(HttpStatusCode.OK);
        right.Body.ShouldContain("too many wrong codes");
        (await client.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_role_change_outside_the_safeguarding_team_is_recorded_and_applies_at_once()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var teacherClient = await SignedInAsync(teacher);
        var admin = await AdminAsync(school);

        var changed = await admin.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["personId"] = teacher.Id.ToString(), ["role"] = "SchoolAdmin" }, "/admin/staff?handler=Role");

        changed.Body.ShouldContain("is now school admin");
        changed.Body.ShouldContain("to school admin", Case.Sensitive, "the history shows the change");
        (await teacherClient.GetAsync("/teacher")).Status.ShouldBe(HttpStatusCode.Redirect, "the old role's cookie has ended");
        await using var query = app.Store.QuerySession(school.Id);
        var recorded = await query.Events.QueryRawEventDataOnly<StaffRoleChanged>().ToListAsync();
        recorded.ShouldContain(e => e.PersonId == teacher.Id && e.From == AdultRole.Teacher && e.To == AdultRole.SchoolAdmin);
    }

    [Fact]
    public async Task Changing_my_password_signs_out_my_other_sessions()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var laptop = await SignedInAsync(teacher);
        var phone = await SignedInAsync(teacher);

        var changed = await laptop.PostFormAsync("/account", new Dictionary<string, string>
        {
            ["current"] = teacher.Password, ["password"] = "my own new password", ["again"] = "my own new password",
        });

        changed.Body.ShouldContain("your password is changed");
        (await laptop.GetAsync("/teacher")).Status.ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync("/teacher")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = teacher.Email, ["password"] = "my own new password" }))
            .Location.ShouldBe("/teacher");
    }

    [Fact]
    public async Task A_parent_can_be_unlinked_from_a_child()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 2), (Band.Y5, 2));
        var parent = school.Adult(AdultRole.Parent);
        var child = parent.ChildIds[0];
        var parentClient = await SignedInAsync(parent);
        (await parentClient.GetAsync($"/parent/children/{child}")).Status.ShouldBe(HttpStatusCode.OK);
        var admin = await AdminAsync(school);

        var unlinked = await admin.PostFormAsync("/admin/parents", new Dictionary<string, string> { ["parentId"] = parent.Id.ToString(), ["pupilId"] = child.ToString() }, "/admin/parents?handler=Unlink");

        unlinked.Body.ShouldContain("is no longer linked");
        var again = await SignedInAsync(parent);
        (await again.GetAsync($"/parent/children/{child}")).Status.ShouldNotBe(HttpStatusCode.OK);
        (await again.GetAsync($"/parent/children/{parent.ChildIds[1]}")).Status.ShouldBe(HttpStatusCode.OK);
        await using var query = app.Store.QuerySession(school.Id);
        (await query.Events.QueryRawEventDataOnly<ParentUnlinked>().ToListAsync()).ShouldContain(e => e.ParentId == parent.Id && e.PupilId == child);
    }

    [GeneratedRegex("class=\"one-time-link\"[^>]*>([^<]+)<")]
    private static partial Regex OneTimeLink();

    [GeneratedRegex("id=\"setup-key\">([A-Z2-7]+)<")]
    private static partial Regex SetupKey();

    [GeneratedRegex("name=\"pending\" value=\"([^\"]+)\"")]
    private static partial Regex PendingKey();
}
