using System.Net;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>The teacher's side of pupils' sign-in: paused pupils they can let back in, and a class code they can change.</summary>
[Collection(nameof(AppCollection))]
public sealed class ClassSignInHelpTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_teacher_sees_a_paused_pupil_and_lets_them_try_again()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 3));
        var cls = school.Classes[0];
        var pupil = cls.Pupils[0];
        var tablet = FormClient.For(app);
        var page = $"/pupil/signin/{cls.Code}/{pupil.Id}";
        var wrong = string.Join(",", pupil.Pin.Select(p => p == "cat" ? "dog" : "cat"));
        for (var i = 0; i < 5; i++) await tablet.PostFormAsync(page, new Dictionary<string, string> { ["pictures"] = wrong });
        (await tablet.PostFormAsync(page, new Dictionary<string, string> { ["pictures"] = string.Join(",", pupil.Pin) })).Body.ShouldContain("little break");

        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var cards = await teacher.GetAsync($"/teacher/classes/{cls.Id}/cards");
        cards.Body.ShouldContain(pupil.DisplayName);
        cards.Body.ShouldContain("paused until");
        var cleared = await teacher.PostFormAsync($"/teacher/classes/{cls.Id}/cards", new Dictionary<string, string> { ["pupilId"] = pupil.Id.ToString() }, $"/teacher/classes/{cls.Id}/cards?handler=Clear");
        cleared.Body.ShouldContain("can sign in with their pictures again");

        var right = await tablet.PostFormAsync(page, new Dictionary<string, string> { ["pictures"] = string.Join(",", pupil.Pin) });
        right.Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Changing_the_class_code_signs_out_tablets_that_remembered_the_old_one()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 3));
        var cls = school.Classes[0];
        var pupil = cls.Pupils[0];
        var tablet = FormClient.For(app);
        (await tablet.PostFormAsync("/pupil/signin", new Dictionary<string, string> { ["code"] = cls.Code })).Location.ShouldBe($"/pupil/signin/{cls.Code}");
        (await tablet.PostFormAsync($"/pupil/signin/{cls.Code}/{pupil.Id}", new Dictionary<string, string> { ["pictures"] = string.Join(",", pupil.Pin) })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await tablet.GetAsync("/pupil")).Status.ShouldBe(HttpStatusCode.OK);

        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var changed = await teacher.PostFormAsync($"/teacher/classes/{cls.Id}/cards", new Dictionary<string, string>(), $"/teacher/classes/{cls.Id}/cards?handler=Code");
        changed.Body.ShouldContain("the new class code is");

        (await tablet.GetAsync("/pupil")).Status.ShouldBe(HttpStatusCode.Redirect, "the pupil signed in with the old code is signed out");
        var remembered = await tablet.GetAsync("/pupil/signin");
        remembered.Location.ShouldBe($"/pupil/signin/{Uri.EscapeDataString(cls.Code)}");
        var names = await tablet.GetAsync(remembered.Location!);
        names.Location.ShouldBe("/pupil/signin?change=true&changed=true");
        (await tablet.GetAsync(names.Location!)).Body.ShouldContain("new class code");
        (await tablet.GetAsync("/pupil/signin")).Status.ShouldBe(HttpStatusCode.OK, "the tablet forgot the old code");
        await using var query = app.Store.QuerySession(school.Id);
        (await query.LoadAsync<SchoolClass>(cls.Id))!.ClassCode.ShouldNotBe(cls.Code);
    }
}
