using System.Net;
using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>What a forged Host header can do to a link: nothing. E-mailed, shown and printed links use the configured address.</summary>
public static partial class ForgedHost
{
    public const string Attacker = "stc-reset.attacker.example";

    /// <summary>Posts a form as <see cref="FormClient.PostFormAsync"/> does, but naming the attacker's host in the Host header.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(FormClient client, string path, IDictionary<string, string> fields)
    {
        var token = FormClient.TokenOf((await client.GetAsync(path.Split('?')[0])).Body)!;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = Attacker;
        using var response = await client.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string OneTimeLink(string html) => WebUtility.HtmlDecode(LinkShown().Match(html).Groups[1].Value);

    [GeneratedRegex("class=\"one-time-link\"[^>]*>([^<]+)<")]
    private static partial Regex LinkShown();

    [GeneratedRegex(@"https?://\S+/account/set-password/[A-Za-z0-9_-]{32}")]
    public static partial Regex LinkInMail();
}

[Collection(nameof(MailCollection))]
public sealed class EmailedLinkAddressTests(MailApp app)
{
    [Fact]
    public async Task A_reset_asked_for_with_a_forged_host_is_emailed_on_the_schools_configured_address()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;

        var asked = await ForgedHost.PostAsync(FormClient.For(app), "/signin/forgot", new Dictionary<string, string> { ["email"] = teacher.Email });

        asked.Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(() => app.Mail.To(teacher.Email).Count > 0, "the link is e-mailed (in the background)");
        var mail = app.Mail.To(teacher.Email).ShouldHaveSingleItem();
        mail.Body.ShouldNotContain(ForgedHost.Attacker);
        var link = ForgedHost.LinkInMail().Match(mail.Body).Value;
        link.ShouldStartWith(MailApp.PublicUrl + "/account/set-password/");
        (await FormClient.For(app).GetAsync(new Uri(link).AbsolutePath)).Body.ShouldContain(teacher.Email, Case.Insensitive, "the e-mailed link works");
    }
}

[Collection(nameof(MailCollection))]
public sealed class BoardJoinAddressTests(MailApp app)
{
    [Fact]
    public async Task The_board_and_console_send_tablets_to_the_schools_configured_address_whatever_host_the_request_named()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var id = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", app.Catalogue().LessonsFor(Band.Y4).First().QuizId);

        foreach (var screen in new[] { $"/live/{id}/board", $"/live/{id}/board?handler=Slide", $"/live/{id}/console" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, screen);
            request.Headers.Host = ForgedHost.Attacker;
            using var response = await teacher.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, screen);
            body.ShouldNotContain(ForgedHost.Attacker, Case.Insensitive, screen);
        }
        var board = await teacher.GetAsync($"/live/{id}/board");
        board.Body.ShouldContain(MailApp.PublicUrl + "/live/join");
    }
}

[Collection(nameof(AppCollection))]
public sealed class ShownLinkAddressTests(AppOnKestrel app)
{
    [Fact]
    public async Task Without_a_configured_address_links_and_letters_use_the_address_the_app_listens_on_never_a_forged_host()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var teacher = school.Classes[0].Teacher;
        var parent = school.Adult(AdultRole.Parent);

        var staffLink = await ForgedHost.PostAsync(admin, "/admin/staff?handler=Link", new Dictionary<string, string> { ["personId"] = teacher.Id.ToString() });
        var parentLink = await ForgedHost.PostAsync(admin, "/admin/parents?handler=Link", new Dictionary<string, string> { ["parentId"] = parent.Id.ToString() });
        var letters = await ForgedHost.PostAsync(admin, $"/admin/classes/{school.Classes[0].Id}/invitations", new Dictionary<string, string>());

        ForgedHost.OneTimeLink(staffLink.Body).ShouldStartWith(app.BaseUrl + "/account/set-password/");
        ForgedHost.OneTimeLink(parentLink.Body).ShouldStartWith(app.BaseUrl + "/account/set-password/");
        letters.Status.ShouldBe(HttpStatusCode.OK);
        letters.Body.ShouldContain(app.BaseUrl + "/parent/join");
        foreach (var page in new[] { staffLink.Body, parentLink.Body, letters.Body }) page.ShouldNotContain(ForgedHost.Attacker);
    }
}
