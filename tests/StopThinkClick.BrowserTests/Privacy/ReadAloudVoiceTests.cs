using System.Text.Json;
using Microsoft.Playwright;
using StopThinkClick.BrowserTests.Pupils;
using StopThinkClick.Curriculum.Model;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Privacy;

/// <summary>
/// "Read to me" uses only a voice that runs on the tablet (voice.localService): a cloud voice
/// would send the page's words — a child's name, their own words — to a speech service. The
/// browser's speech is replaced by a recording fake (before any page script runs), with the
/// app's real Content-Security-Policy in force.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ReadAloudVoiceTests(BrowserApp app)
{
    sealed record Voice(string name, string lang, bool localService);

    static readonly Voice CloudGb = new("Cloud UK English", "en-GB", false);
    static readonly Voice CloudUs = new("Cloud US English", "en-US", false);

    [Fact]
    public async Task Read_to_me_chooses_the_on_device_british_voice_over_a_cloud_one()
    {
        var page = await PageWithVoicesAsync(CloudGb, new("Tablet US", "en-US", true), new("Tablet UK", "en-GB", true));
        await page.GotoAsync("/privacy/children/ks1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read to me" }).ClickAsync();

        var spoken = await SpokenAsync(page);
        spoken.ShouldHaveSingleItem().Voice.ShouldBe("Tablet UK");
        spoken[0].Text.ShouldContain("It is not a secret if someone is not safe.");
    }

    [Fact]
    public async Task An_on_device_voice_in_another_english_is_chosen_before_a_cloud_british_one()
    {
        var page = await PageWithVoicesAsync(CloudGb, new("Tablet French", "fr-FR", true), new("Tablet US", "en-US", true));
        await page.GotoAsync("/privacy/children/ks2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read to me" }).ClickAsync();

        (await SpokenAsync(page)).ShouldHaveSingleItem().Voice.ShouldBe("Tablet US");
    }

    [Fact]
    public async Task With_only_cloud_voices_nothing_is_spoken_and_the_child_is_told_once()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 1));
        var page = await PageWithVoicesAsync(CloudGb, CloudUs);
        await PupilDriver.SignInWithCardAsync(page, school.Pupils.First());
        var readToMe = page.GetByRole(AriaRole.Button, new() { Name = "Read to me" }).First;

        await readToMe.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "no reading voice of its own" })).ToBeVisibleAsync();
        await readToMe.ClickAsync();
        await readToMe.ClickAsync();

        await Expect(page.Locator(".read-aloud-note")).ToHaveCountAsync(1);
        (await SpokenAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_browser_with_no_speech_at_all_shows_no_read_to_me_button_that_would_do_nothing()
    {
        var page = await app.NewPageAsync(768, 1024, bypassCsp: false);
        // Injected before the page's scripts: a browser that has no speech synthesis at all.
        await page.AddInitScriptAsync("delete window.speechSynthesis; Object.defineProperty(window, 'speechSynthesis', { value: undefined });");
        await page.GotoAsync("/privacy/children/ks1");

        var buttons = page.Locator("button.read-aloud");
        (await buttons.CountAsync()).ShouldBeGreaterThan(0, "the page has Read to me buttons to hide");
        for (var i = 0; i < await buttons.CountAsync(); i++)
            await Expect(buttons.Nth(i)).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData("ks1", 390, 844)]
    [InlineData("ks2", 768, 1024)]
    public async Task The_childrens_privacy_pages_pass_the_accessibility_check(string stage, int width, int height)
    {
        var page = await app.NewPageAsync(width, height, bypassCsp: false);
        await page.GotoAsync($"/privacy/children/{stage}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, $"children's privacy {stage}");
        await BrowserApp.ScreenshotAsync(page, $"privacy-children-{stage}");
    }

    async Task<IPage> PageWithVoicesAsync(params Voice[] voices)
    {
        var page = await app.NewPageAsync(768, 1024, bypassCsp: false);
        // Runs before the page's own scripts, as the browser's built-in speech would be there.
        await page.AddInitScriptAsync($$"""
            (() => {
              const voices = {{JsonSerializer.Serialize(voices)}};
              const spoken = [];
              window.__spoken = spoken;
              const listeners = [];
              Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
                getVoices: () => voices,
                speak: (u) => spoken.push({ text: u.text, voice: u.voice ? u.voice.name : null }),
                cancel: () => {},
                addEventListener: (name, f) => listeners.push(f),
                removeEventListener: () => {},
              } });
              window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
            })();
            """);
        return page;
    }

    sealed record Spoken(string Text, string? Voice);

    static async Task<List<Spoken>> SpokenAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("() => window.__spoken")).EnumerateArray()
            .Select(e => new Spoken(e.GetProperty("text").GetString()!, e.GetProperty("voice").GetString())).ToList();
}
