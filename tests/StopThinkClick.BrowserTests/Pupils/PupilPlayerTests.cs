using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Pupils.Progress;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Pupils;

/// <summary>A pupil works through a lesson, a quiz and a story on a tablet, by touch; every pupil page passes axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class PupilPlayerTests(BrowserApp app)
{
    [Fact]
    public async Task A_pupil_completes_a_lesson_and_its_quiz_and_the_home_page_shows_it()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var pupil = school.Pupils.First();
        var lesson = app.Catalogue.LessonsFor(Band.Y3).First();
        var quiz = app.Catalogue.Quiz(lesson.QuizId)!;
        var page = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(page, pupil);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "pupil home");
        await BrowserApp.ScreenshotAsync(page, "pupil-home-tablet");

        await page.Locator($"a.tile[href='/pupil/lessons/{lesson.Id}']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = lesson.Title, Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "lesson intro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the lesson" }).ClickAsync();
        foreach (var step in lesson.Steps)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = step.Title, Exact = true })).ToBeVisibleAsync();
            if (step.Number == 1) await Accessibility.AssertNoSeriousViolationsAsync(page, "lesson step");
            if (step.Number == 2) await BrowserApp.ScreenshotAsync(page, "lesson-step-tablet");
            await page.GetByRole(AriaRole.Button, new() { Name = step.Number == lesson.Steps.Count ? "Finish the lesson" : "Next" }).ClickAsync();
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"You finished “{lesson.Title}”!" })).ToBeVisibleAsync();
        await Expect(page.GetByText("New badge: First steps")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "lesson done");

        await page.GetByRole(AriaRole.Link, new() { Name = "Try the quiz" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "quiz intro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        var first = true;
        foreach (var question in quiz.Questions)
        {
            if (first) await Accessibility.AssertNoSeriousViolationsAsync(page, $"{question.Type} question");
            if (first)
            {
                // One wrong answer first: kind feedback, then another go.
                await PupilDriver.AnswerWrongByMouseAsync(page, question);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not quite. Let's think about why." })).ToBeVisibleAsync();
                await Accessibility.AssertNoSeriousViolationsAsync(page, "quiz feedback");
                await BrowserApp.ScreenshotAsync(page, "quiz-feedback-tablet");
                await page.GetByRole(AriaRole.Link, new() { Name = "Have another go" }).ClickAsync();
                first = false;
            }
            await PupilDriver.AnswerRightByMouseAsync(page, question);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yes! Well done." })).ToBeVisibleAsync();
            var next = question == quiz.Questions[^1] ? "See how I did" : "Next question";
            await page.GetByRole(AriaRole.Link, new() { Name = next }).Or(page.GetByRole(AriaRole.Button, new() { Name = next })).ClickAsync();
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You finished the quiz!" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"You got {quiz.Questions.Count - 1} right first time, and found 1 more on another go.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "quiz done");

        var events = await PupilDriver.EventsOfAsync(app.Store, school.Id, pupil.Id);
        events.OfType<LessonStarted>().ShouldHaveSingleItem().LessonId.ShouldBe(lesson.Id);
        events.OfType<LessonCompleted>().ShouldHaveSingleItem();
        events.OfType<QuestionAnswered>().Count().ShouldBe(quiz.Questions.Count + 1);
        events.OfType<QuestionAnswered>().Count(a => !a.Correct).ShouldBe(1);
        events.OfType<QuizCompleted>().ShouldHaveSingleItem().RightFirstTime.ShouldBe(quiz.Questions.Count - 1);
        events.OfType<BadgeEarned>().Select(b => b.BadgeId).ShouldContain("first-lesson");

        await page.GotoAsync("/pupil");
        await Expect(page.Locator($"a.tile[href='/pupil/lessons/{lesson.Id}']")).ToContainTextAsync("Finished, quiz done");
        await Expect(page.GetByText("First steps")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_pupil_plays_a_story_stops_to_think_before_a_risky_choice_and_reaches_a_safe_ending()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var pupil = school.Pupils.First();
        var scenario = app.Catalogue.ScenariosFor(Band.Y4).First(s => s.Start.Choices.Any(c => c.Risky));
        var page = await app.NewPageAsync(1280, 720);
        await PupilDriver.SignInWithCardAsync(page, pupil);

        await page.GotoAsync($"/pupil/scenarios/{scenario.Id}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "story intro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the story" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "story scene");
        await BrowserApp.ScreenshotAsync(page, "story-scene-projector");

        var risky = scenario.Start.Choices.First(c => c.Risky);
        await page.GetByRole(AriaRole.Link, new() { Name = risky.Text.Plain }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stop and think before you click" })).ToBeVisibleAsync();
        await Expect(page.GetByText(risky.Think!.Plain)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "stop and think");
        await BrowserApp.ScreenshotAsync(page, "stop-and-think-projector");
        await page.GetByRole(AriaRole.Button, new() { Name = "I'll choose again" }).ClickAsync();
        await Expect(page.GetByText("New badge: Stop and think")).ToBeVisibleAsync();

        var scene = scenario.Start;
        var choices = 0;
        while (!scene.IsEnding)
        {
            var choice = scene.Choices.FirstOrDefault(c => !c.Risky && scenario.Scene(c.TargetSceneId) is { } t && t.Id != scene.Id) ?? scene.Choices.First();
            if (choice.Risky)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = choice.Text.Plain }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Carry on anyway" }).ClickAsync();
            }
            else await page.GetByRole(AriaRole.Button, new() { Name = choice.Text.Plain, Exact = true }).ClickAsync();
            choices++;
            scene = scenario.Scene(choice.TargetSceneId)!;
            await Expect(page.GetByText("You chose:")).ToBeVisibleAsync();
            choices.ShouldBeLessThan(20);
        }
        await Expect(page.GetByText($"Who helped: {scene.TrustedAdult}")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The path you took" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "story ending");
        await BrowserApp.ScreenshotAsync(page, "story-ending-projector");

        var events = await PupilDriver.EventsOfAsync(app.Store, school.Id, pupil.Id);
        events.OfType<StoppedToThink>().ShouldHaveSingleItem().ChoiceId.ShouldBe(risky.Id);
        events.OfType<ScenarioChoiceMade>().Count().ShouldBe(choices);
        events.OfType<ScenarioFinished>().ShouldHaveSingleItem().EndingId.ShouldBe(scene.Id);
        events.OfType<BadgeEarned>().Select(b => b.BadgeId).ShouldBe(["stop-and-think", "story-explorer"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_other_pupil_pages_pass_the_accessibility_check_at_every_size()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 2));
        var pupil = school.Pupils.First();
        foreach (var (name, width, height) in BrowserApp.Sizes)
        {
            var page = await app.NewPageAsync(width, height);
            await page.GotoAsync("/pupil/signin");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "class code");
            await page.GotoAsync($"/pupil/signin/{school.Classes[0].Code}");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "names");
            await BrowserApp.ScreenshotAsync(page, $"names-{name}");
            await page.GotoAsync($"/pupil/signin/{school.Classes[0].Code}/{pupil.Id}");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "picture PIN");
            await page.GotoAsync(Web.Schools.LoginCards.Path(pupil.CardSecret));
            await Accessibility.AssertNoSeriousViolationsAsync(page, "reminder");
            await BrowserApp.ScreenshotAsync(page, $"reminder-{name}");
            await page.GotoAsync("/pupil");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "home");
            await BrowserApp.ScreenshotAsync(page, $"pupil-home-{name}");
            await page.GotoAsync("/pupil/settings");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "settings");
            await page.GotoAsync("/pupil/worried");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "worried");
            await BrowserApp.ScreenshotAsync(page, $"worried-{name}");
            await page.GotoAsync("/pupil/lessons/no-such-lesson");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "refusal");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Settings_for_easy_read_letters_follow_the_pupil_to_another_tablet()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 1));
        var pupil = school.Pupils.First();
        var tablet = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(tablet, pupil);
        await tablet.GotoAsync("/pupil/settings");
        await tablet.GetByLabel("Easy-read letters").CheckAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(tablet.Locator("html")).ToHaveClassAsync(new Regex("font-dyslexic"));

        var other = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(other, pupil);
        await Expect(other.Locator("html")).ToHaveClassAsync(new Regex("font-dyslexic"));
        await BrowserApp.ScreenshotAsync(other, "pupil-home-dyslexia-font-tablet");
    }
}
