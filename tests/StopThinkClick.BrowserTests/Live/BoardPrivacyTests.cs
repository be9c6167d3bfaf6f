using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.BrowserTests.Pupils;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Live;

/// <summary>
/// The board is on the projector, in front of the whole class: it never shows who worried, who did
/// not join, or anyone's answers — not while the session runs and not when it ends.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class BoardPrivacyTests(BrowserApp app)
{
    [Fact]
    public async Task Ending_a_session_with_a_worry_leaves_the_board_on_a_closing_screen_with_no_names()
    {
        var (cls, quiz, console, board) = await StartQuizWithBoardAsync();
        var worried = cls.Pupils[0];
        var tablet = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(tablet, worried);
        await tablet.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Your class is live now") }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = $"You're in, {worried.FirstName}!" })).ToBeVisibleAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await PupilDriver.PickRightAsync(tablet, quiz.Questions[0]);
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Expect(board.Locator("[data-answered]").First).ToHaveTextAsync("1");

        tablet.Dialog += (_, dialog) => dialog.AcceptAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "I'm worried" }).ClickAsync();
        await Expect(console.Locator("[data-alerts]")).ToContainTextAsync($"{worried.DisplayName} pressed");

        console.Dialog += (_, dialog) => dialog.AcceptAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "End the session" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = $"Summary: {quiz.Title}" })).ToBeVisibleAsync();
        await Expect(console.GetByText("Worries raised")).ToBeVisibleAsync();

        // The board moves to the class's closing screen, not to the teacher's summary.
        await Expect(board.GetByRole(AriaRole.Heading, new() { Name = "Well done, everyone!" })).ToBeVisibleAsync();
        await Expect(board.GetByText("Stop, think, then click")).ToBeVisibleAsync();
        board.Url.ShouldNotContain("/summary");
        await AssertNoPupilShownAsync(board, cls);
        await BrowserApp.ScreenshotAsync(board, "live-board-closing-projector");

        // And a reload of the board (or a late tab) shows the same closing screen.
        await board.ReloadAsync();
        await Expect(board.GetByRole(AriaRole.Heading, new() { Name = "Well done, everyone!" })).ToBeVisibleAsync();
        await AssertNoPupilShownAsync(board, cls);
    }

    [Fact]
    public async Task The_lobby_counts_who_joined_and_shows_names_only_when_the_teacher_turns_them_on()
    {
        var (cls, _, console, board) = await StartQuizWithBoardAsync();
        var pupil = cls.Pupils[0];
        var tablet = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(tablet, pupil);
        await tablet.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Your class is live now") }).ClickAsync();
        await Expect(board.Locator(".joined-count")).ToContainTextAsync($"1 of {cls.Pupils.Count} have joined");
        await AssertNoPupilShownAsync(board, cls);
        await board.ReloadAsync();
        await Expect(board.Locator(".joined-count")).ToContainTextAsync($"1 of {cls.Pupils.Count} have joined");
        await AssertNoPupilShownAsync(board, cls);

        // The teacher's choice, on the console: first names on the board as pupils join.
        await console.GetByRole(AriaRole.Button, new() { Name = "Show first names on the board" }).ClickAsync();
        await Expect(board.Locator("[data-joined-names]")).ToContainTextAsync(pupil.FirstName);
        (await board.Locator("#live").InnerTextAsync()).ShouldNotContain(pupil.DisplayName, Case.Sensitive, "first names only, never the initial");
        await console.GetByRole(AriaRole.Button, new() { Name = "Hide names on the board" }).ClickAsync();
        await Expect(board.Locator("[data-joined-names]")).ToHaveCountAsync(0);
        await AssertNoPupilShownAsync(board, cls);
    }

    async Task<(ClassPlan Class, Quiz Quiz, IPage Console, IPage Board)> StartQuizWithBoardAsync()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 3));
        var cls = school.Classes[0];
        var quiz = app.Catalogue.LessonsFor(Band.Y4).Select(l => app.Catalogue.Quiz(l.QuizId)!).First();
        var console = await app.NewPageAsync(1280, 720);
        await SignInTeacherAsync(console, cls.Teacher.Email, cls.Teacher.Password);
        await console.GotoAsync($"/teacher/classes/{cls.Id}/live");
        await console.Locator($"form:has(input[value='{quiz.Id}']) button").ClickAsync();
        await Expect(console.Locator("[data-connection]")).ToHaveTextAsync("Live");
        var sessionUrl = Regex.Match(console.Url, "/live/[0-9a-f-]+").Value;

        var board = await app.NewPageAsync(1280, 720);
        await SignInTeacherAsync(board, cls.Teacher.Email, cls.Teacher.Password);
        await board.GotoAsync(sessionUrl + "/board");
        await Expect(board.Locator("[data-connection]")).ToHaveTextAsync("Live");
        return (cls, quiz, console, board);
    }

    /// <summary>No pupil's name, no absences, no worries, no answers by anyone.</summary>
    static async Task AssertNoPupilShownAsync(IPage board, ClassPlan cls)
    {
        var text = await board.Locator("body").InnerTextAsync();
        foreach (var pupil in cls.Pupils)
            Regex.IsMatch(text, $@"\b{Regex.Escape(pupil.FirstName)}\b").ShouldBeFalse($"the board shows {pupil.FirstName}: {text}");
        text.ShouldNotContain("Did not join", Case.Insensitive);
        text.ShouldNotContain("Took part", Case.Insensitive);
        text.ShouldNotContain("Worr", Case.Insensitive);
        text.ShouldNotContain("Who answered", Case.Insensitive);
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
