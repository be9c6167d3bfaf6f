using System.Net;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.SignIn;

[Collection(nameof(AppCollection))]
public sealed class PupilSignInTests(AppOnKestrel app)
{
    [Fact]
    public async Task An_unknown_class_code_gets_a_clear_message()
    {
        var page = await FormClient.For(app).PostFormAsync("/pupil/signin", new Dictionary<string, string> { ["code"] = "ZZZ-000" });

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Body.ShouldContain("can&#x27;t find that class code");
    }

    [Fact]
    public async Task The_class_code_shows_first_names_and_initials_of_that_class_only()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 4), (Band.Y5, 4));
        var client = FormClient.For(app);

        var names = await client.GetAsync($"/pupil/signin/{school.Classes[0].Code}");

        names.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var pupil in school.Classes[0].Pupils) names.Body.ShouldContain($"/{pupil.Id}\"");
        foreach (var pupil in school.Classes[1].Pupils) names.Body.ShouldNotContain(pupil.Id.ToString());
    }

    [Fact]
    public async Task The_right_pictures_sign_the_pupil_in_and_show_the_reminder()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 3));
        var pupil = school.Pupils.First();
        var client = FormClient.For(app);
        var page = $"/pupil/signin/{school.Classes[0].Code}/{pupil.Id}";

        var result = await client.PostFormAsync(page, new Dictionary<string, string> { ["pictures"] = string.Join(",", pupil.Pin) });

        result.Status.ShouldBe(HttpStatusCode.Redirect);
        result.Location.ShouldBe("/pupil/reminder");
        (await client.GetAsync("/pupil/reminder")).Body.ShouldContain("remember our promises");
    }

    [Fact]
    public async Task Wrong_pictures_get_a_try_again_and_five_in_a_row_pause_the_pupil()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var pupil = school.Pupils.First();
        var wrong = string.Join(",", pupil.Pin.Select(p => p == "cat" ? "dog" : "cat"));
        var client = FormClient.For(app);
        var page = $"/pupil/signin/{school.Classes[0].Code}/{pupil.Id}";

        var first = await client.PostFormAsync(page, new Dictionary<string, string> { ["pictures"] = wrong });
        first.Body.ShouldContain("not quite right");
        for (var i = 0; i < 4; i++) await client.PostFormAsync(page, new Dictionary<string, string> { ["pictures"] = wrong });
        var right = await client.PostFormAsync(page, new Dictionary<string, string> { ["pictures"] = string.Join(",", pupil.Pin) });

        right.Status.ShouldBe(HttpStatusCode.OK);
        right.Body.ShouldContain("take a little break");
    }

    [Fact]
    public async Task A_login_card_signs_its_pupil_in_and_a_forged_one_does_not()
    {
        var school = await app.NewSchoolAsync();
        var client = FormClient.For(app);

        var forged = await client.GetAsync("/card/" + LoginCards.NewSecret());
        forged.Status.ShouldBe(HttpStatusCode.NotFound);
        forged.Body.ShouldContain("does not work any more");

        var real = await client.GetAsync(LoginCards.Path(school.Pupils.First().CardSecret));
        real.Status.ShouldBe(HttpStatusCode.Redirect);
        real.Location.ShouldBe("/pupil/reminder");
    }

    [Fact]
    public async Task Printing_new_cards_retires_the_old_ones()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var teacher = FormClient.For(app);
        await teacher.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = school.Classes[0].Teacher.Email, ["password"] = school.Classes[0].Teacher.Password });

        var printed = await teacher.PostFormAsync($"/teacher/classes/{school.Classes[0].Id}/cards", new Dictionary<string, string>());
        printed.Status.ShouldBe(HttpStatusCode.OK);
        printed.Body.ShouldContain("data:image/png;base64,");

        var old = await FormClient.For(app).GetAsync(LoginCards.Path(school.Pupils.First().CardSecret));
        old.Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
