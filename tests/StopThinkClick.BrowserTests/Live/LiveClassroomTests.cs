using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.BrowserTests.Pupils;
using StopThinkClick.Curriculum.Model;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Live;

/// <summary>Board, teacher console and a pupil's tablet, each its own browser, playing a short live quiz through the real pages and the real JS client.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class LiveClassroomTests(BrowserApp app)
{
    [Fact]
    public async Task The_board_console_and_a_pupil_play_a_live_quiz_together()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 3));
        var cls = school.Classes[0];
        var pupil = cls.Pupils[0];
        var quiz = app.Catalogue.LessonsFor(Band.Y4).Select(l => app.Catalogue.Quiz(l.QuizId)!).First();
        var question = quiz.Questions[0];

        var console = await app.NewPageAsync(1280, 720);
        await SignInTeacherAsync(console, cls.Teacher.Email, cls.Teacher.Password);
        await console.GetByRole(AriaRole.Link, new() { Name = "Start a live session" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(console, "start live");
        await console.Locator($"form:has(input[value='{quiz.Id}']) button").ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = quiz.Title })).ToBeVisibleAsync();
        await Expect(console.Locator("[data-connection]")).ToHaveTextAsync("Live");
        var sessionUrl = Regex.Match(console.Url, "/live/[0-9a-f-]+").Value;

        var board = await app.NewPageAsync(1280, 720);
        await SignInTeacherAsync(board, cls.Teacher.Email, cls.Teacher.Password);
        await board.GotoAsync(sessionUrl + "/board");
        await Expect(board.Locator(".join-code")).ToHaveTextAsync(new Regex("^[0-9]{6}$"));
        await Expect(board.Locator("[data-connection]")).ToHaveTextAsync("Live");

        var tablet = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(tablet, pupil);
        await tablet.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Your class is live now") }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = $"You're in, {pupil.FirstName}!" })).ToBeVisibleAsync();
        await Expect(board.Locator(".joined-count")).ToContainTextAsync("1 of 3 have joined");
        await BrowserApp.ScreenshotAsync(board, "live-board-welcome-projector");
        await Accessibility.AssertNoSeriousViolationsAsync(board, "board welcome");

        await console.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Button, new() { Name = "Send my answer" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tablet, "live question");
        await PupilDriver.PickRightAsync(tablet, question);
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Thanks! Your answer is in." })).ToBeVisibleAsync();
        // Before the reveal the tablet says neither right nor wrong: no tick, no green.
        await Expect(tablet.Locator("#say img[src*='check']")).ToHaveCountAsync(0);
        await Expect(board.Locator("[data-answered]").First).ToHaveTextAsync("1");
        await Expect(console.Locator($"tr:has-text('{pupil.DisplayName}') [data-answer-cell]")).ToContainTextAsync("Right:");
        await BrowserApp.ScreenshotAsync(board, "live-board-question-projector");
        await BrowserApp.ScreenshotAsync(console, "live-console-projector");
        await BrowserApp.ScreenshotAsync(tablet, "live-pupil-answered-tablet");
        await Accessibility.AssertNoSeriousViolationsAsync(console, "console");

        await console.GetByRole(AriaRole.Button, new() { Name = "Reveal answers" }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Yes! Well done." })).ToBeVisibleAsync();
        await Expect(board.GetByText("Right answer").First).ToBeVisibleAsync();

        tablet.Dialog += (_, dialog) => dialog.AcceptAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "I'm worried" }).ClickAsync();
        await Expect(tablet.GetByText("Thank you for telling.")).ToBeVisibleAsync();
        await Expect(console.Locator("[data-alerts]")).ToContainTextAsync($"{pupil.DisplayName} pressed");
        await Expect(console.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("Worries") })).ToBeVisibleAsync();
        (await board.Locator("#live").InnerTextAsync()).ShouldNotContain("worried", Case.Insensitive);

        await console.GetByRole(AriaRole.Button, new() { Name = "Eyes on me (lock screens)" }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Eyes on your teacher, please!" })).ToBeVisibleAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Unlock screens" }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Yes! Well done." })).ToBeVisibleAsync();

        console.Dialog += (_, dialog) => dialog.AcceptAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "End the session" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = $"Summary: {quiz.Title}" })).ToBeVisibleAsync();
        await Expect(console.GetByText("1 of 1")).ToBeVisibleAsync();
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "The live lesson has finished. Well done!" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(console, "live-summary-projector");
        await Accessibility.AssertNoSeriousViolationsAsync(console, "summary");
    }

    static async Task SignInTeacherAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your classes" })).ToBeVisibleAsync();
    }
}
