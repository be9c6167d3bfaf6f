using System.Text.Json;
using Microsoft.Playwright;
using StopThinkClick.BrowserTests.Pupils;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.SignIn;

/// <summary>The name screen for children who cannot read yet (issue 16.6): pictures, no twins, no overflow.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class NamePickerTests(BrowserApp app)
{
    [Fact]
    public async Task Every_name_button_has_a_picture_no_two_look_alike_and_long_names_fit_on_a_phone()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 2));
        var classId = school.Classes[0].Id;
        await using (var session = app.Store.LightweightSession(school.Id))
        {
            // Three Grace W.s, two of them given the same picture; a pupil from before avatars; the longest name allowed.
            session.Store(new Pupil(Guid.NewGuid(), classId, "Grace", "W") { Avatar = "penguin" });
            session.Store(new Pupil(Guid.NewGuid(), classId, "Grace", "W") { Avatar = "penguin" });
            session.Store(new Pupil(Guid.NewGuid(), classId, "Grace", "W") { Avatar = "lion" });
            session.Store(new Pupil(Guid.NewGuid(), classId, "Grace", "W"));
            session.Store(new Pupil(Guid.NewGuid(), classId, "Maximilianakatherinabernadette", "K") { Avatar = "dragon" });
            await session.SaveChangesAsync();
        }
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync($"/pupil/signin/{school.Classes[0].Code}");
        var buttons = page.Locator(".name-grid a");
        await Expect(buttons).ToHaveCountAsync(7);
        await BrowserApp.ScreenshotAsync(page, "names-alike-phone");

        var looks = await buttons.EvaluateAllAsync<JsonElement>("as => as.map(a => a.querySelector('img.avatar').getAttribute('src') + ' ' + a.innerText.trim())");
        var seen = looks.EnumerateArray().Select(e => e.GetString()!).ToList();
        seen.Distinct().Count().ShouldBe(seen.Count, "two name buttons look the same:\n" + string.Join("\n", seen));
        seen.ShouldContain("/pictures/penguin.svg Grace W. (1)");
        seen.ShouldContain("/pictures/penguin.svg Grace W. (2)");
        (await page.EvaluateAsync<JsonElement>(TextFit.Script)).EnumerateArray().ShouldBeEmpty();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "names with twins");
    }
}
