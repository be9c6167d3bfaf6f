using Microsoft.Playwright;
using StopThinkClick.BrowserTests.Pupils;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Sessions;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Live;

/// <summary>The teacher's console at 1280×720: the slide and its notes above the fold, the roster live.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ConsoleTests(BrowserApp app)
{
    [Fact]
    public async Task A_story_vote_shows_on_the_console_roster_as_it_comes_with_the_slide_and_notes_above_the_fold()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 4));
        var cls = school.Classes[0];
        var pupil = cls.Pupils[0];
        var story = app.Catalogue.ScenariosFor(Band.Y4).First(s => s.Start.Choices.Count > 0);
        var live = await LiveTestSessions.StartAsync(app, school, cls, LiveKind.Scenario, story.Id);

        var console = await app.NewPageAsync(1280, 720);
        await LiveTestSessions.SignInTeacherAsync(console, cls.Teacher.Email, cls.Teacher.Password);
        await console.GotoAsync($"/live/{live.Id}/console");
        await Expect(console.Locator("[data-connection]")).ToHaveTextAsync("Live");

        var tablet = await app.NewPageAsync(768, 1024);
        await PupilDriver.SignInWithCardAsync(tablet, pupil);
        await tablet.GotoAsync($"/live/{live.Id}/pupil");
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = $"You're in, {pupil.FirstName}!" })).ToBeVisibleAsync();

        // Joined pupils first; the ones not here yet are folded away.
        await Expect(console.Locator($"tr[data-pupil='{pupil.Id}']")).ToBeVisibleAsync();
        await Expect(console.Locator("details.not-joined summary")).ToHaveTextAsync($"Not joined yet ({cls.Pupils.Count - 1})");
        await Expect(console.GetByText(cls.Pupils[1].DisplayName)).Not.ToBeVisibleAsync();

        await console.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Open the vote" }).ClickAsync();
        var choice = story.Start.Choices[0];
        var voteCell = console.Locator($"tr[data-pupil='{pupil.Id}'] [data-vote-cell]");
        await Expect(voteCell).ToHaveTextAsync("—");
        await tablet.GetByRole(AriaRole.Button, new() { Name = choice.Text.Plain }).ClickAsync();
        // No reload: the console hears of the vote and fills the pupil's cell.
        await Expect(voteCell).ToHaveTextAsync(choice.Text.Plain);

        // The slide as the class sees it, and the notes, both above the fold at 1280×720.
        var preview = console.Locator(".slide-preview-frame");
        await Expect(preview.Locator(".board-vote")).ToBeVisibleAsync();
        await Expect(console.Locator(".console-notes")).ToContainTextAsync(choice.Feedback.Plain[..Math.Min(30, choice.Feedback.Plain.Length)]);
        await BrowserApp.ScreenshotAsync(console, "live-console-story-projector");
        foreach (var part in new[] { preview, console.Locator(".console-notes .notes-body") })
        {
            var box = (await part.BoundingBoxAsync())!;
            (box.Y + box.Height).ShouldBeLessThanOrEqualTo(720, "above the fold at 1280×720");
        }
        await Accessibility.AssertNoSeriousViolationsAsync(console, "console with a story vote");
    }
}
