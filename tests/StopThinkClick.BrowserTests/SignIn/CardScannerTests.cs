using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.SignIn;

/// <summary>
/// "Scan my card" on the pupil sign-in page: the tablet's camera (Chromium's fake camera playing a
/// QR code we drew) reads a login card on the tablet and signs the child in; anything that is not
/// one of this site's cards is refused kindly and never opened; the camera goes off when it is done.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class CardScannerTests(BrowserApp app, FakeCamera camera) : IClassFixture<FakeCamera>
{
    const string NotACard = "That is not a sign-in card. Ask your teacher.";

    [Fact]
    public async Task A_pupil_signs_in_by_holding_their_login_card_up_to_the_camera()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 3));
        var pupil = school.Pupils.Last();
        camera.Show($"{app.BaseUrl}{LoginCards.Path(pupil.CardSecret)}");
        var page = await camera.NewPageAsync(app.BaseUrl, 768, 1024);

        var decoderFetched = false;
        page.Request += (_, request) => decoderFetched |= request.Url.EndsWith("/lib/jsQR.js");
        await page.GotoAsync("/pupil/signin");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Scan my card" })).ToBeVisibleAsync();
        decoderFetched.ShouldBeFalse("the 250 KB decoder is fetched only when a child presses the button, not on every sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Scan my card" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before we start, remember our promises" })).ToBeVisibleAsync();
        decoderFetched.ShouldBeTrue();
        await Expect(page).ToHaveURLAsync(new Regex("/pupil/reminder$"));
        await page.GotoAsync("/pupil");
        await Expect(page.GetByText($"Hello, {pupil.DisplayName}").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_QR_code_for_another_site_is_refused_kindly_never_opened_and_scanning_goes_on_until_Stop()
    {
        camera.Show("https://example.com/x");
        var page = await camera.NewPageAsync(app.BaseUrl, 768, 1024);
        var host = new Uri(app.BaseUrl).Authority;
        var elsewhere = new List<string>();
        page.Request += (_, r) => { if (new Uri(r.Url).Authority != host) elsewhere.Add(r.Url); };

        await page.GotoAsync("/pupil/signin");
        var scan = page.GetByRole(AriaRole.Button, new() { Name = "Scan my card" });
        await scan.ClickAsync();

        var panel = page.Locator("[data-scan-panel]");
        await Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync(NotACard);
        await Expect(panel.GetByText("Hold your card up to the camera.")).ToBeVisibleAsync();
        var stop = panel.GetByRole(AriaRole.Button, new() { Name = "Stop" });
        await Expect(stop).ToBeFocusedAsync();
        await BrowserApp.ScreenshotAsync(page, "card-scanner-not-a-card-tablet");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the sign-in page with the camera open");
        // Still looking: the camera stays on for the child's real card.
        (await page.EvaluateAsync<bool>("() => { const s = document.querySelector('[data-scan-video]').srcObject; window.seen = s; return !!s && s.getTracks().every(t => t.readyState === 'live'); }")).ShouldBeTrue();

        await stop.ClickAsync();

        await Expect(panel).ToBeHiddenAsync();
        await Expect(scan).ToBeFocusedAsync();
        (await page.EvaluateAsync<bool>("() => window.seen.getTracks().every(t => t.readyState === 'ended')")).ShouldBeTrue("Stop switches the camera off");
        new Uri(page.Url).AbsolutePath.ShouldBe("/pupil/signin");
        elsewhere.ShouldBeEmpty();
    }

    /// <summary>Codes that look close to a card: this site but not a card, and a card's path on another address.</summary>
    [Theory]
    [InlineData("{base}/pupil/worried")]
    [InlineData("http://localhost:1/card/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("javascript:alert(1)")]
    public async Task A_code_that_is_not_one_of_this_sites_login_cards_is_never_followed(string code)
    {
        camera.Show(code.Replace("{base}", app.BaseUrl, StringComparison.Ordinal));
        var page = await camera.NewPageAsync(app.BaseUrl, 390, 844);

        await page.GotoAsync("/pupil/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Scan my card" }).ClickAsync();

        await Expect(page.Locator("[data-scan-panel]").GetByRole(AriaRole.Status)).ToHaveTextAsync(NotACard);
        await BrowserApp.ScreenshotAsync(page, "card-scanner-not-a-card-phone");
        new Uri(page.Url).AbsolutePath.ShouldBe("/pupil/signin");
    }

    /// <summary>A classroom tablet remembers its class and opens on the names page: a child with a card scans it there.</summary>
    [Fact]
    public async Task On_a_tablet_that_remembers_its_class_a_pupil_scans_their_card_from_the_names_page()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 3));
        var pupil = school.Pupils.First();
        camera.Show($"{app.BaseUrl}{LoginCards.Path(pupil.CardSecret)}");
        var page = await camera.NewPageAsync(app.BaseUrl, 768, 1024);

        await page.GotoAsync($"/pupil/signin/{school.Classes[0].Code}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tap your name" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the names page with Scan my card");
        await BrowserApp.ScreenshotAsync(page, "card-scanner-names-page-tablet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Scan my card" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before we start, remember our promises" })).ToBeVisibleAsync();
    }

    /// <summary>The app's shared browser has no camera at all: the child is told kindly and types the class code instead.</summary>
    [Fact]
    public async Task A_tablet_without_a_camera_says_so_kindly_and_the_class_code_still_works()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var page = await app.NewPageAsync(768, 1024);

        await page.GotoAsync("/pupil/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Scan my card" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Type your class code below instead");
        await Expect(page.Locator("[data-scan-panel]")).ToBeHiddenAsync();
        await BrowserApp.ScreenshotAsync(page, "card-scanner-no-camera-tablet");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the sign-in page after the camera was refused");
        await page.GetByLabel("Class code").FillAsync(school.Classes[0].Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/pupil/signin/{Regex.Escape(school.Classes[0].Code)}$"));
    }

    /// <summary>Progressive enhancement: a browser with no camera API (an old tablet, or a page over plain http) shows no button.</summary>
    [Fact]
    public async Task A_browser_without_a_camera_API_shows_no_scan_button()
    {
        var page = await app.NewPageAsync(768, 1024);
        // Run by Playwright before the page's scripts, over the DevTools protocol (not a script in the page, so the CSP stays as it is).
        await page.Context.AddInitScriptAsync("Object.defineProperty(navigator, 'mediaDevices', { value: undefined })");

        await page.GotoAsync("/pupil/signin");

        await Expect(page.GetByLabel("Class code")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Scan my card" })).ToBeHiddenAsync();
    }
}
