using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.BrowserTests.Pupils;
using StopThinkClick.Curriculum.Model;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Aup;

/// <summary>The promise ceremony on the board, the console and two tablets, through to the printed certificates.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class CeremonyTests(BrowserApp app)
{
    [Fact]
    public async Task A_class_affirms_every_promise_signs_and_the_teacher_witnesses_and_prints_certificates()
    {
        var school = await app.NewSchoolAsync((Band.Y5, 3));
        var cls = school.Classes[0];
        var aup = app.Catalogue.PupilAupFor(Band.Y5)!;
        // Two pupils told apart by name (random test names sometimes give two "George G."s).
        var (amy, ben) = cls.Pupils.SelectMany(a => cls.Pupils.Where(b => b.DisplayName != a.DisplayName).Select(b => (a, b))).First();

        var console = await app.NewPageAsync(1280, 720);
        await SignInAsync(console, cls.Teacher.Email, cls.Teacher.Password);
        await console.GotoAsync($"/teacher/classes/{cls.Id}/live");
        await console.GetByRole(AriaRole.Button, new() { Name = "Start the promise ceremony" }).ClickAsync();
        await Expect(console.Locator("[data-connection]")).ToHaveTextAsync("Live");
        var sessionUrl = Regex.Match(console.Url, "/live/[0-9a-f-]+").Value;
        var board = await app.NewPageAsync(1280, 720);
        await SignInAsync(board, cls.Teacher.Email, cls.Teacher.Password);
        await board.GotoAsync(sessionUrl + "/board");

        var tablets = new List<IPage>();
        foreach (var pupil in new[] { amy, ben })
        {
            var tablet = await app.NewPageAsync(768, 1024);
            await PupilDriver.SignInWithCardAsync(tablet, pupil);
            await tablet.GotoAsync(sessionUrl + "/pupil");
            await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = $"You're in, {pupil.FirstName}!" })).ToBeVisibleAsync();
            tablets.Add(tablet);
        }

        await console.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        foreach (var (promise, i) in aup.Promises.Select((p, i) => (p, i)))
        {
            await Expect(board.GetByRole(AriaRole.Heading, new() { Name = promise.Text.Plain })).ToBeVisibleAsync();
            if (i == 0)
            {
                await tablets[1].GetByRole(AriaRole.Button, new() { Name = "What does this mean?" }).ClickAsync();
                await Expect(console.Locator("[data-alerts]")).ToContainTextAsync($"{ben.DisplayName} asked what this promise means");
                await Accessibility.AssertNoSeriousViolationsAsync(tablets[0], "promise on a tablet");
                await BrowserApp.ScreenshotAsync(tablets[0], "ceremony-promise-tablet");
            }
            foreach (var tablet in tablets)
            {
                await tablet.GetByRole(AriaRole.Button, new() { Name = "I promise" }).ClickAsync();
                await Expect(tablet.GetByText("You promised. Thank you!")).ToBeVisibleAsync();
            }
            await Expect(board.Locator("[data-affirmed]")).ToHaveTextAsync("2");
            if (i == 0) await BrowserApp.ScreenshotAsync(board, "ceremony-board-projector");
            await console.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        await Expect(tablets[0].GetByRole(AriaRole.Heading, new() { Name = "Sign your promises" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tablets[0], "signing on a tablet");
        await tablets[0].GetByLabel("Write your name").FillAsync(amy.FirstName);
        await tablets[0].GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(tablets[0].GetByRole(AriaRole.Heading, new() { Name = "You signed your promises!" })).ToBeVisibleAsync();

        var pad = tablets[1].Locator("canvas[data-signature-pad]");
        var box = (await pad.BoundingBoxAsync())!;
        await tablets[1].Mouse.MoveAsync(box.X + 30, box.Y + box.Height / 2);
        await tablets[1].Mouse.DownAsync();
        foreach (var step in Enumerable.Range(1, 12))
            await tablets[1].Mouse.MoveAsync(box.X + 30 + step * 20, box.Y + box.Height / 2 + (step % 2 == 0 ? -25 : 25));
        await tablets[1].Mouse.UpAsync();
        await BrowserApp.ScreenshotAsync(tablets[1], "ceremony-drawn-signature-tablet");
        await tablets[1].GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(tablets[1].GetByRole(AriaRole.Heading, new() { Name = "You signed your promises!" })).ToBeVisibleAsync();
        await Expect(board.Locator("[data-signed]")).ToHaveTextAsync("2");

        await console.GetByRole(AriaRole.Button, new() { Name = "I saw them sign: witness 2 signatures" }).ClickAsync();
        await Expect(tablets[0].GetByText("Your teacher saw you sign. Well done!")).ToBeVisibleAsync();
        await console.GetByRole(AriaRole.Link, new() { Name = "Print certificates" }).ClickAsync();

        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = $"{amy.DisplayName} promises to stay safe online" })).ToBeVisibleAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = $"{ben.DisplayName} promises to stay safe online" })).ToBeVisibleAsync();
        await Expect(console.GetByRole(AriaRole.Img, new() { Name = $"Signature of {ben.DisplayName}" })).ToBeVisibleAsync();
        await Expect(console.GetByText($"Signed by: {amy.DisplayName}, {ben.DisplayName}").Or(console.GetByText($"Signed by: {ben.DisplayName}, {amy.DisplayName}"))).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(console, "certificates");
        await BrowserApp.ScreenshotAsync(console, "ceremony-certificates-projector");
        await console.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserApp.ScreenshotAsync(console, "ceremony-certificates-print");
    }

    static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your classes" })).ToBeVisibleAsync();
    }
}
