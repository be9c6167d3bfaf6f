using System.Text.Json;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Pupils.Progress;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Pupils;

/// <summary>Reception mode (issue 16.5): a child who cannot read answers by pictures and hears every page.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ReceptionTests(BrowserApp app)
{
    [Fact]
    public async Task A_Reception_quiz_is_completed_using_pictures_only()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 2));
        var pupil = school.Pupils.First();
        // A quiz with a sort, a choose-one and a who-to-tell question, so each kind is answered by pictures.
        var quiz = app.Catalogue.Quizzes.Where(q => q.IsFor(Band.EYFS)).First(q => q.Questions.Any(x => x.Type == QuestionType.Sort) && q.Questions.Any(x => x.Type == QuestionType.ChooseOne));
        var page = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(page, pupil);
        await page.GotoAsync($"/pupil/quizzes/{quiz.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();

        foreach (var question in quiz.Questions)
        {
            await Expect(page.Locator("#question")).ToBeVisibleAsync();
            // Every option shows its picture and has its own button to hear its words.
            foreach (var option in question.Options)
            {
                option.Picture.ShouldNotBeNull($"{quiz.Id} {question.Id}{option.Id} has no picture");
                await Expect(page.Locator($"#question img[alt='{option.Picture.Alt}']")).ToBeVisibleAsync();
            }
            await Expect(page.Locator("#question button.hear")).ToHaveCountAsync(question.Options.Count);
            if (question == quiz.Questions[0]) await BrowserApp.ScreenshotAsync(page, "reception-quiz-tablet");
            if (question.Type == QuestionType.Sort)
            {
                await BrowserApp.ScreenshotAsync(page, "reception-sort-tablet");
                // On a tablet a card's two boxes sit side by side under its picture and words.
                var card = page.Locator("fieldset.sort-card").First;
                var safe = (await card.Locator("label.box.safe").BoundingBoxAsync())!;
                var notSafe = (await card.Locator("label.box.not-safe").BoundingBoxAsync())!;
                var words = (await card.Locator("legend").BoundingBoxAsync())!;
                notSafe.Y.ShouldBe(safe.Y, 1);
                safe.Y.ShouldBeGreaterThanOrEqualTo(words.Y + words.Height - 1);
            }

            // Chosen by what the child sees: the option's picture, and the tick or the hand on the boxes.
            if (question.Type == QuestionType.Sort)
                foreach (var card in question.Options)
                    await page.Locator($"fieldset.sort-card:has(img[alt='{card.Picture!.Alt}'])")
                        .Locator($"label.box:has(img[src$='{(card.Right ? "check" : "stop-hand")}.svg'])").ClickAsync();
            else
                foreach (var option in question.RightOptions)
                    await page.Locator($"label.choice:has(img[alt='{option.Picture!.Alt}'])").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yes! Well done." })).ToBeVisibleAsync();
            var next = question == quiz.Questions[^1] ? "See how I did" : "Next question";
            await page.GetByRole(AriaRole.Link, new() { Name = next }).Or(page.GetByRole(AriaRole.Button, new() { Name = next })).ClickAsync();
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You finished the quiz!" })).ToBeVisibleAsync();
        var events = await PupilDriver.EventsOfAsync(app.Store, school.Id, pupil.Id);
        events.OfType<QuizCompleted>().ShouldHaveSingleItem().RightFirstTime.ShouldBe(quiz.Questions.Count);
    }

    // The fake speech engine is added with AddInitScript, which the browser runs through DevTools
    // before the page's own scripts, so the page keeps its real Content-Security-Policy.
    const string FakeSpeech = """
        window.__spoken = [];
        class FakeUtterance { constructor(text) { this.text = text; } }
        Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
          speak(u) { window.__spoken.push(u.text); },
          cancel() {}, speaking: false, addEventListener() {}, removeEventListener() {},
          getVoices() { return [{ name: 'Fake', lang: 'en-GB', localService: true, default: true }]; },
        } });
        """;

    static async Task<IPage> WithFakeSpeechAsync(IPage page)
    {
        await page.Context.AddInitScriptAsync(FakeSpeech);
        return page;
    }

    static async Task<string[]> SpokenAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("() => window.__spoken")).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task A_Reception_page_reads_its_content_aloud_on_arrival_and_not_its_buttons()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 1));
        var pupil = school.Pupils.First();
        var quiz = app.Catalogue.Quizzes.First(q => q.IsFor(Band.EYFS));
        var page = await WithFakeSpeechAsync(await app.NewPageAsync(768, 1024));
        await PupilDriver.SignInWithCardAsync(page, pupil);
        await page.WaitForFunctionAsync("() => window.__spoken.length > 0");
        (await SpokenAsync(page)).ShouldHaveSingleItem().ShouldContain($"Hello, {pupil.DisplayName}");

        await page.GotoAsync($"/pupil/quizzes/{quiz.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__spoken.length > 0");
        var spoken = (await SpokenAsync(page)).ShouldHaveSingleItem();
        spoken.ShouldContain(quiz.Questions[0].Prompt.Plain);
        foreach (var option in quiz.Questions[0].Options) spoken.ShouldContain(option.Text.Plain);
        spoken.ShouldNotContain("Check my answer");
        spoken.ShouldNotContain("Read to me");

        // One option's own button says just that option.
        var first = quiz.Questions[0].Options[0];
        await page.GetByRole(AriaRole.Button, new() { Name = $"Hear “{first.Text.Plain}”" }).ClickAsync();
        (await SpokenAsync(page))[^1].ShouldBe(first.Text.Plain);
    }

    [Fact]
    public async Task Reading_on_arrival_is_off_for_key_stage_2_until_the_pupil_turns_it_on_and_it_follows_them()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 1));
        var pupil = school.Pupils.First();
        var page = await WithFakeSpeechAsync(await app.NewPageAsync(768, 1024));
        await PupilDriver.SignInWithCardAsync(page, pupil);
        await page.GotoAsync("/pupil/settings");
        (await SpokenAsync(page)).ShouldBeEmpty();
        await Expect(page.GetByLabel("Read each page to me")).Not.ToBeCheckedAsync();
        await page.GetByLabel("Read each page to me").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var other = await WithFakeSpeechAsync(await app.NewPageAsync(768, 1024));
        await PupilDriver.SignInWithCardAsync(other, pupil);
        await other.WaitForFunctionAsync("() => window.__spoken.length > 0");
        (await SpokenAsync(other)).ShouldHaveSingleItem().ShouldContain($"Hello, {pupil.DisplayName}");
    }
}
