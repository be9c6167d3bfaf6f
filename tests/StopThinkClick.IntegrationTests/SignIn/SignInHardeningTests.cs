using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.IntegrationTests.Safeguarding;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.SignIn.Throttle;
using static StopThinkClick.IntegrationTests.Safeguarding.TeamKit;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// Issue 25, item 5: somebody else's guessing pauses an address, but never keeps its owner out for
/// good; older links die when a newer one is made; a stolen cookie cannot guess the password on the
/// account pages unchecked.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class SignInHardeningTests(AppOnKestrel app)
{
    readonly TeamKit kit = new(app);

    async Task PauseAsync(string email)
    {
        var guesser = FormClient.For(app);
        for (var i = 0; i < 5; i++) await guesser.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = $"guess {i}" });
    }

    Task<(HttpStatusCode Status, string Body, string? Location)> SignInAsync(string email, string password, string? code = null) =>
        FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["code"] = code ?? "" });

    [Fact]
    public async Task A_lead_paused_by_someone_elses_guesses_signs_in_with_their_password_and_code_together()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        await PauseAsync(lead.Email);

        (await SignInAsync(lead.Email, lead.Password)).Body.ShouldContain("too many wrong passwords", Case.Sensitive, "the password alone is still paused");
        (await SignInAsync(lead.Email, "a guess with a code", "123456")).Body.ShouldContain("too many wrong passwords");
        (await app.Services.GetRequiredService<TryCounters>().PeekAsync(TryKeys.TwoStep(lead.Email), default)).ShouldBeNull("a guesser without the password never spends the owner's codes");

        var owner = await SignInAsync(lead.Email, lead.Password, TwoStepCodes.NextCode(lead.Email));

        owner.Status.ShouldBe(HttpStatusCode.Redirect);
        owner.Location.ShouldBe("/safeguarding");
    }

    [Fact]
    public async Task A_teacher_paused_by_guesses_signs_in_with_the_password_they_chose_from_a_link()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        await PauseAsync(teacher.Email);
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        await kit.SetPasswordThroughAsync((await admin.PostFormAsync("/admin/staff", Person(teacher.Id), "/admin/staff?handler=Link")).Body, "chosen from the link");

        (await SignInAsync(teacher.Email, "chosen from the link")).Location.ShouldBe("/teacher");
    }

    [Fact]
    public async Task A_lead_lets_a_paused_teacher_back_in_and_the_admin_a_paused_parent()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var parent = school.Adult(AdultRole.Parent);
        await PauseAsync(teacher.Email);
        await PauseAsync(parent.Email);
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        WebUtility.HtmlDecode((await admin.GetAsync("/admin/staff")).Body).ShouldContain("a safeguarding lead can let them back in sooner");
        await admin.PostFormAsync("/admin/staff", Person(teacher.Id), "/admin/staff?handler=Unpause");
        (await SignInAsync(teacher.Email, teacher.Password)).Body.ShouldContain("too many wrong passwords", Case.Sensitive, "the admin does not clear a member of staff's count");

        var lead = await kit.SignedInAsync(school.Adult(AdultRole.SafeguardingLead));
        (await lead.PostFormAsync("/safeguarding/team", Person(teacher.Id), "/safeguarding/team?handler=Unpause")).Status.ShouldBe(HttpStatusCode.OK);
        (await admin.PostFormAsync("/admin/parents", new Dictionary<string, string> { ["parentId"] = parent.Id.ToString() }, "/admin/parents?handler=Unpause")).Status.ShouldBe(HttpStatusCode.OK);

        (await SignInAsync(teacher.Email, teacher.Password)).Location.ShouldBe("/teacher");
        (await SignInAsync(parent.Email, parent.Password)).Location.ShouldBe("/parent");
        var unpaused = await kit.EventsAsync<SignInUnpaused>(school.Id);
        unpaused.ShouldContain(e => e.PersonId == teacher.Id && e.ByPersonId == school.Adult(AdultRole.SafeguardingLead).Id);
        unpaused.ShouldContain(e => e.PersonId == parent.Id && e.ByPersonId == school.Adult(AdultRole.SchoolAdmin).Id);
    }

    [Fact]
    public async Task A_newer_link_retires_an_older_one_so_the_older_cannot_set_a_password_after_the_newer_was_used()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var admin = await kit.SignedInAsync(school.Adult(AdultRole.SchoolAdmin));
        var older = (await admin.PostFormAsync("/admin/staff", Person(teacher.Id), "/admin/staff?handler=Link")).Body;
        var newer = (await admin.PostFormAsync("/admin/staff", Person(teacher.Id), "/admin/staff?handler=Link")).Body;
        await kit.SetPasswordThroughAsync(newer, "from the newer link");

        var path = new Uri(ForgedHost.OneTimeLink(older)).AbsolutePath;
        var late = await FormClient.For(app).GetAsync(path);

        late.Status.ShouldBe(HttpStatusCode.BadRequest);
        late.Body.ShouldContain("a newer link has been made");
        FormClient.TokenOf(late.Body).ShouldBeNull("no form to set a password with");
        (await SignInAsync(teacher.Email, "from the newer link")).Location.ShouldBe("/teacher");
    }

    [Fact]
    public async Task Wrong_current_passwords_on_my_account_and_when_turning_two_step_off_are_counted_like_sign_in_tries()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var client = await kit.SignedInAsync(teacher);
        for (var i = 0; i < 3; i++)
            await client.PostFormAsync("/account", new Dictionary<string, string> { ["current"] = $"guess {i}", ["password"] = "a new password here", ["again"] = "a new password here" });
        for (var i = 0; i < 2; i++)
            await client.PostFormAsync("/account/two-step", new Dictionary<string, string> { ["current"] = $"off guess {i}" }, "/account/two-step?handler=Off");

        var right = await client.PostFormAsync("/account", new Dictionary<string, string> { ["current"] = teacher.Password, ["password"] = "a new password here", ["again"] = "a new password here" });

        right.Body.ShouldNotContain("your password is changed");
        right.Body.ShouldContain("too many wrong passwords");
        (await SignInAsync(teacher.Email, teacher.Password)).Body.ShouldContain("too many wrong passwords", Case.Sensitive, "the same count as signing in");
    }
}

/// <summary>The forgotten-password page answers at once whatever the mail server does, so it cannot tell a real address by its timing.</summary>
[Collection(nameof(MailCollection))]
public sealed class ForgottenPasswordTimingTests(MailApp app)
{
    [Fact]
    public async Task The_page_answers_a_real_address_while_the_mail_server_is_still_silent_and_the_link_follows()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var client = FormClient.For(app);
        var token = FormClient.TokenOf((await client.GetAsync("/signin/forgot")).Body)!;
        app.Mail.Hold();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var answer = await client.Http.PostAsync("/signin/forgot", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = teacher.Email, ["__RequestVerificationToken"] = token,
            }), timeout.Token);
            (await answer.Content.ReadAsStringAsync()).ShouldContain("if that address has an account");
        }
        finally
        {
            app.Mail.Release();
        }
        await Eventually.TrueAsync(() => app.Mail.To(teacher.Email).Any(m => ForgedHost.LinkInMail().IsMatch(m.Body)), "the link is e-mailed afterwards");
    }
}
