using System.Net;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// A sign-in cookie is only as good as the server says it is: signing out, new login cards and
/// erasure end it on the server, so a copy saved before still opens nothing (issue 13, item 10).
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class SessionRevocationTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_cookie_saved_before_sign_out_no_longer_opens_the_concern_log()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var client = FormClient.For(app);
        await client.SignInAdultAsync(lead.Email, lead.Password);
        (await client.GetAsync("/safeguarding")).Status.ShouldBe(HttpStatusCode.OK);
        var saved = CopyOf(client);

        (await client.PostFormAsync("/teacher", new Dictionary<string, string>(), "/signout")).Status.ShouldBe(HttpStatusCode.Redirect);

        var replay = await saved.GetAsync("/safeguarding");
        replay.Status.ShouldBe(HttpStatusCode.Redirect);
        replay.Location!.ShouldContain("/signin");
        using var negotiate = await saved.Http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        negotiate.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a revoked cookie cannot open the live hub either");
    }

    [Fact]
    public async Task A_pupil_is_signed_out_when_the_class_cards_are_reprinted()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 3));
        var pupil = FormClient.For(app);
        await pupil.SignInPupilAsync(school.Pupils.First().CardSecret);
        (await pupil.GetAsync("/pupil")).Status.ShouldBe(HttpStatusCode.OK);
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(school.Classes[0].Teacher.Email, school.Classes[0].Teacher.Password);

        (await teacher.PostFormAsync($"/teacher/classes/{school.Classes[0].Id}/cards", new Dictionary<string, string>())).Status.ShouldBe(HttpStatusCode.OK);

        var after = await pupil.GetAsync("/pupil");
        after.Status.ShouldBe(HttpStatusCode.Redirect);
        after.Location!.ShouldContain("/signin");
    }

    /// <summary>One lost card: only that pupil gets a new card and PIN; the rest of the class carries on.</summary>
    [Fact]
    public async Task A_new_card_for_one_pupil_retires_only_their_old_card()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 3));
        var (lost, other) = (school.Pupils.First(), school.Pupils.Last());
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(school.Classes[0].Teacher.Email, school.Classes[0].Teacher.Password);
        var cards = $"/teacher/classes/{school.Classes[0].Id}/cards";

        var made = await teacher.PostFormAsync(cards, new Dictionary<string, string> { ["pupilId"] = lost.Id.ToString() });
        made.Status.ShouldBe(HttpStatusCode.OK);
        made.Body.ShouldContain("1 new card");
        made.Body.ShouldContain($"Login QR code for {lost.DisplayName}");
        made.Body.ShouldNotContain($"Login QR code for {other.DisplayName}");

        (await FormClient.For(app).GetAsync(StopThinkClick.Web.Schools.LoginCards.Path(lost.CardSecret))).Status.ShouldBe(HttpStatusCode.NotFound, "the lost card no longer signs in");
        var stillWorks = FormClient.For(app);
        await stillWorks.SignInPupilAsync(other.CardSecret);
        (await stillWorks.GetAsync("/pupil")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_erased_pupil_is_signed_out_at_once_and_can_save_nothing()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var plan = school.Pupils.First();
        var pupil = FormClient.For(app);
        await pupil.SignInPupilAsync(plan.CardSecret);
        var settings = await pupil.GetAsync("/pupil/settings");
        settings.Status.ShouldBe(HttpStatusCode.OK);
        var token = FormClient.TokenOf(settings.Body)!;

        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var erased = await admin.PostFormAsync($"/admin/pupils/{plan.Id}", new Dictionary<string, string> { ["confirm"] = plan.FirstName }, $"/admin/pupils/{plan.Id}?handler=Erase");
        erased.Status.ShouldBe(HttpStatusCode.OK, erased.Body);

        (await pupil.GetAsync("/pupil")).Status.ShouldBe(HttpStatusCode.Redirect);
        using var save = await pupil.Http.PostAsync("/pupil/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["largerText"] = "true", ["__RequestVerificationToken"] = token,
        }));
        ((int)save.StatusCode).ShouldBeLessThan(500);
        save.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        await using var query = app.Store.QuerySession(school.Id);
        (await query.LoadAsync<Pupil>(plan.Id))!.Preferences.LargerText.ShouldBeFalse("nothing was saved for an erased pupil");
    }

    /// <summary>A second client holding the same cookies: what a saved or stolen cookie would be.</summary>
    static FormClient CopyOf(FormClient client)
    {
        var copy = FormClient.For(client.Http.BaseAddress!.ToString().TrimEnd('/'));
        foreach (Cookie cookie in client.Cookies.GetAllCookies()) copy.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return copy;
    }
}
