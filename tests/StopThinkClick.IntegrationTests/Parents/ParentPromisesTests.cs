using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Parents;

/// <summary>A parent's co-signature and photo choices are decided on the child's stream with an optimistic check.</summary>
[Collection(nameof(AppCollection))]
public sealed class ParentPromisesTests(AppOnKestrel app)
{
    [Fact]
    public async Task Eight_parallel_presses_of_co_sign_and_of_save_store_one_co_signature_and_one_change_each()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 2));
        var catalogue = app.Services.GetRequiredService<Catalogue>();
        var aup = catalogue.PupilAupFor(Band.Y2)!;
        var parentAup = catalogue.ParentAup!;
        var parentPlan = school.Adult(AdultRole.Parent);
        var child = school.Classes[0].Pupils[0];
        var parent = FormClient.For(app);
        await parent.SignInAdultAsync(parentPlan.Email, parentPlan.Password);
        var page = $"/parent/children/{child.Id}/aup";
        var token = FormClient.TokenOf((await parent.GetAsync(page)).Body)!;

        async Task<HttpStatusCode> PostAsync(string handler, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = token;
            using var response = await parent.Http.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
            return response.StatusCode;
        }

        var coSigns = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PostAsync("CoSign", new() { ["version"] = aup.Version, ["talkedTogether"] = "true" })));
        var permission = parentAup.Permissions[0].Id;
        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync("Permissions", new() { [$"p-{permission}"] = "yes" })));

        coSigns.ShouldAllBe(s => s == HttpStatusCode.Redirect, string.Join("\n", app.Logs.Unhandled.TakeLast(3)));
        saves.ShouldAllBe(s => s == HttpStatusCode.Redirect);
        await using var session = app.Store.QuerySession(school.Id);
        var events = (await session.Events.FetchStreamAsync(child.Id)).Select(e => e.Data).ToList();
        events.OfType<AupCoSigned>().Count().ShouldBe(1);
        events.OfType<ConsentGiven>().Count(c => c.Permission == permission).ShouldBe(1);

        var home = await parent.GetAsync($"/parent/children/{child.Id}");
        home.Body.ShouldContain($"You co-signed them on {TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, StopThinkClick.Web.Schools.Settings.SchoolCalendar.England.Zone):d MMMM yyyy}");
        home.Body.ShouldNotContain("Read them and co-sign");
    }

    [Fact]
    public async Task A_withdrawn_permission_is_flagged_on_the_teachers_consent_table()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var cls = school.Classes[0];
        var parentAup = app.Services.GetRequiredService<Catalogue>().ParentAup!;
        var permission = parentAup.Permissions[0].Id;
        var parentPlan = school.Adult(AdultRole.Parent);
        var child = cls.Pupils[0];
        var parent = FormClient.For(app);
        await parent.SignInAdultAsync(parentPlan.Email, parentPlan.Password);
        var page = $"/parent/children/{child.Id}/aup";
        (await parent.PostFormAsync(page, new Dictionary<string, string> { [$"p-{permission}"] = "yes" }, page + "?handler=Permissions")).Status.ShouldBe(HttpStatusCode.Redirect);
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        (await teacher.GetAsync($"/teacher/classes/{cls.Id}/aup")).Body.ShouldNotContain("Changed in the last 14 days", Case.Sensitive, "a first answer is not a change");

        (await parent.PostFormAsync(page, new Dictionary<string, string> { [$"p-{permission}"] = "no" }, page + "?handler=Permissions")).Status.ShouldBe(HttpStatusCode.Redirect);

        var table = System.Net.WebUtility.HtmlDecode((await teacher.GetAsync($"/teacher/classes/{cls.Id}/aup")).Body);
        table.ShouldContain("Changed in the last 14 days");
        table.ShouldContain($"{child.DisplayName} — {permission.Replace('-', ' ')}: withdrawn on");
        table.ShouldContain("Changed " + TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, StopThinkClick.Web.Schools.Settings.SchoolCalendar.England.Zone).ToString("d MMM"));
    }
}
