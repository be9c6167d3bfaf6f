using Microsoft.Playwright;
using StopThinkClick.BrowserTests.Pupils;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Privacy;

/// <summary>
/// No page asks any other host for anything (no CDN, font service, tracker or analytics), and
/// with the real Content-Security-Policy in force no page breaks it.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class NoThirdPartyTests(BrowserApp app)
{
    [Fact]
    public async Task Pages_for_pupils_teachers_parents_and_the_lead_make_no_request_to_another_host()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var cls = school.Classes[0];
        var host = new Uri(app.BaseUrl).Authority;
        var foreign = new List<string>();
        var violations = new List<string>();

        async Task<IPage> Watched(int width, int height)
        {
            var page = await app.NewPageAsync(width, height, bypassCsp: false);
            page.Request += (_, r) => { if (new Uri(r.Url) is { Scheme: "http" or "https" or "ws" or "wss" } u && u.Authority != host) foreign.Add(r.Url); };
            page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {m.Text}"); };
            return page;
        }

        var pupil = await Watched(768, 1024);
        await PupilDriver.SignInWithCardAsync(pupil, cls.Pupils[0]);
        var lesson = app.Catalogue.LessonsFor(Band.Y3).First();
        foreach (var path in new[] { "/pupil", $"/pupil/lessons/{lesson.Id}", "/pupil/settings", "/pupil/worried", "/guides", "/about" })
            await pupil.GotoAsync(path);
        await pupil.GotoAsync($"/pupil/lessons/{lesson.Id}");
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Start the lesson" }).ClickAsync();
        await Expect(pupil.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeVisibleAsync();

        foreach (var adult in new[] { cls.Teacher, school.Adult(AdultRole.SafeguardingLead), school.Adult(AdultRole.Parent), school.Adult(AdultRole.SchoolAdmin) })
        {
            var page = await Watched(1280, 720);
            await page.GotoAsync("/signin");
            await page.GetByLabel("E-mail address").FillAsync(adult.Email);
            await page.GetByLabel("Password").FillAsync(adult.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (adult == cls.Teacher)
            {
                foreach (var path in new[] { $"/teacher/classes/{cls.Id}", $"/teacher/classes/{cls.Id}/live", $"/teacher/classes/{cls.Id}/aup", "/coverage" })
                    await page.GotoAsync(path);
                await page.GotoAsync($"/teacher/classes/{cls.Id}/live");
                await page.Locator("form:has(input[value='Quiz']) button").First.ClickAsync();
                await Expect(page.Locator("[data-connection]")).ToHaveTextAsync("Live");
                await page.GotoAsync(page.Url.Replace("/console", "/board"));
                await Expect(page.Locator(".join-code")).ToBeVisibleAsync();
            }
        }

        foreign.ShouldBeEmpty();
        violations.ShouldBeEmpty();
    }
}
