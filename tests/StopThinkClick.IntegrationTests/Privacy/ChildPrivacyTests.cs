using System.Net;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Privacy;

/// <summary>
/// Children have their own privacy notice for their age (what the teacher sees, what grown-ups at
/// home see, where a worry goes), read aloud, linked from their home and settings; parents' notice
/// says what they can download.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class ChildPrivacyTests(AppOnKestrel app)
{
    [Theory]
    [InlineData("ks1")]
    [InlineData("ks2")]
    public async Task Each_age_band_has_a_notice_that_says_truly_where_a_worry_goes(string stage)
    {
        var page = await FormClient.For(app).GetAsync($"/privacy/children/{stage}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Body.ShouldContain("data-read=\"#privacy-words\"");
        page.Body.ShouldContain("teacher");
        page.Body.ShouldContain("grown-ups at home");
        page.Body.ShouldContain("keep", Case.Insensitive);
        page.Body.ShouldContain("children safe");
        page.Body.ShouldContain("It is not a secret if someone is not safe.");
        page.Body.ShouldNotContain("Nobody else will", Case.Insensitive);
        page.Body.ShouldNotContain("only your teacher", Case.Insensitive);
    }

    [Fact]
    public async Task An_unknown_age_band_is_not_found()
    {
        (await FormClient.For(app).GetAsync("/privacy/children/ks9")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Band.EYFS, "ks1")]
    [InlineData(Band.Y2, "ks1")]
    [InlineData(Band.Y5, "ks2")]
    public async Task A_pupil_finds_the_notice_for_their_age_from_home_and_settings(Band band, string stage)
    {
        var school = await app.NewSchoolAsync((band, 1));
        var pupil = FormClient.For(app);
        await pupil.SignInPupilAsync(school.Pupils.First().CardSecret);

        (await pupil.GetAsync("/pupil")).Body.ShouldContain($"href=\"/privacy/children/{stage}\"");
        (await pupil.GetAsync("/pupil/settings")).Body.ShouldContain($"href=\"/privacy/children/{stage}\"");
    }

    [Fact]
    public async Task Parents_are_told_what_they_can_download_and_what_their_child_is_told()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 1));
        var parent = FormClient.For(app);
        var adult = school.Adult(AdultRole.Parent);
        await parent.SignInAdultAsync(adult.Email, adult.Password);

        var home = await parent.GetAsync("/parent");
        home.Body.ShouldContain("href=\"/privacy#parents\"");
        if (adult.ChildIds.Count > 0) home.Body.ShouldContain("href=\"/privacy/children/ks2\"");
        var notice = (await parent.GetAsync("/privacy")).Body;
        notice.ShouldContain("What you can download");
        notice.ShouldContain("Safeguarding records are not in it");
        notice.ShouldContain("designated safeguarding lead");
    }
}
