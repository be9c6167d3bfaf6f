using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.SignIn;

[Collection(nameof(BrowserCollection))]
public sealed class SignInTests(BrowserApp app)
{
    [Fact]
    public async Task A_teacher_signs_in_and_sees_their_classes()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 3));
        var teacher = school.Classes[0].Teacher;
        var page = await app.NewPageAsync();

        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(teacher.Email);
        await page.GetByLabel("Password").FillAsync(teacher.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your classes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = school.Classes[0].Name })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "teacher-home-projector");
    }

    [Fact]
    public async Task A_pupil_signs_in_by_scanning_their_login_card()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 3));
        var pupil = school.Pupils.First();
        var page = await app.NewPageAsync(768, 1024);

        await page.GotoAsync(LoginCards.Path(pupil.CardSecret));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before we start, remember our promises" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "I will remember. Let's go!" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pupil$"));
        await Expect(page.GetByText($"Hello, {pupil.DisplayName}").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_pupil_signs_in_with_the_class_code_their_name_and_picture_PIN()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 4));
        var pupil = school.Pupils.Last();
        var page = await app.NewPageAsync(768, 1024);

        await page.GotoAsync("/pupil/signin");
        await BrowserApp.ScreenshotAsync(page, "pupil-signin-tablet");
        await page.GetByLabel("Class code").FillAsync(school.Classes[0].Code.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.Locator($"a[href$='/{pupil.Id}']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {pupil.FirstName}!" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "picture-pin-tablet");
        foreach (var picture in pupil.Pin)
            await page.Locator($"button[data-picture='{picture}']").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before we start, remember our promises" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_pupil_who_picks_the_wrong_pictures_is_told_kindly_to_try_again()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 2));
        var pupil = school.Pupils.First();
        var page = await app.NewPageAsync(390, 844);

        await page.GotoAsync($"/pupil/signin/{school.Classes[0].Code}/{pupil.Id}");
        foreach (var picture in pupil.Pin.Select(p => p == "owl" ? "frog" : "owl"))
            await page.Locator($"button[data-picture='{picture}']").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not quite right");
        await BrowserApp.ScreenshotAsync(page, "picture-pin-wrong-phone");
    }
}
