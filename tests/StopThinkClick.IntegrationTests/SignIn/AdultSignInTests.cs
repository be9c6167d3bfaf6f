using System.Net;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.SignIn;

[Collection(nameof(AppCollection))]
public sealed class AdultSignInTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_teacher_with_the_right_password_lands_on_their_classes()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var client = FormClient.For(app);

        var signIn = await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = teacher.Email, ["password"] = teacher.Password });

        signIn.Status.ShouldBe(HttpStatusCode.Redirect);
        signIn.Location.ShouldBe("/teacher");
        var home = await client.GetAsync("/teacher");
        home.Status.ShouldBe(HttpStatusCode.OK);
        home.Body.ShouldContain(school.Classes[0].Name);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_kind_message_and_no_sign_in()
    {
        var school = await app.NewSchoolAsync();
        var client = FormClient.For(app);

        var signIn = await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = school.Adult(AdultRole.Teacher).Email, ["password"] = "wrong" });

        signIn.Status.ShouldBe(HttpStatusCode.OK);
        signIn.Body.ShouldContain("do not match");
        (await client.GetAsync("/teacher")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var client = FormClient.For(app);
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = lead.Email, ["password"] = $"guess {i}" });

        var right = await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = lead.Email, ["password"] = lead.Password });

        right.Status.ShouldBe(HttpStatusCode.OK);
        right.Body.ShouldContain("too many wrong passwords");
    }

    [Fact]
    public async Task A_pupil_cannot_open_a_teachers_page()
    {
        var school = await app.NewSchoolAsync();
        var client = FormClient.For(app);
        (await client.GetAsync(LoginCards.Path(school.Pupils.First().CardSecret))).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetAsync("/teacher");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location!.ShouldContain("/not-allowed");
    }
}

[Collection(nameof(AppCollection))]
public sealed class AdultLockOutMessageTests(AppOnKestrel app)
{
    /// <summary>Issue 13, item 11: the lock-out must not tell a guesser which e-mail addresses have accounts.</summary>
    [Fact]
    public async Task The_lock_out_message_is_the_same_for_known_and_unknown_addresses()
    {
        var school = await app.NewSchoolAsync();
        async Task<string> SixthTryAsync(string email)
        {
            var client = FormClient.For(app);
            for (var i = 0; i < 5; i++) await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = $"guess {i}" });
            var sixth = await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = "one more guess" });
            return System.Text.RegularExpressions.Regex.Match(sixth.Body, "<strong>Sorry:</strong>[^<]*|role=\"alert\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        }

        var known = await SixthTryAsync(school.Adult(AdultRole.Teacher).Email);
        var unknown = await SixthTryAsync($"nobody.{school.Id}@example.org");

        known.ShouldContain("too many wrong passwords");
        unknown.ShouldBe(known);
    }
}
