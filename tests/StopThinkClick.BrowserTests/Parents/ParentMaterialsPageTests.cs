using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Parents;

/// <summary>
/// A parent, on a phone, goes from their child's page to the year's lessons and stories, reads one
/// of each as the child sees it, and opens the guide to an app it names. Accessible, and photographed
/// at the three sizes for a person to look at.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ParentMaterialsPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_parent_on_a_phone_reads_a_lesson_and_a_story_of_their_childs_year_and_an_app_guide()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var child = school.Classes[0].Pupils[0];
        var plan = school.Adult(AdultRole.Parent);
        var lesson = app.Catalogue.LessonsFor(Band.Y4).FirstOrDefault(l => l.Apps.Count > 0) ?? app.Catalogue.LessonsFor(Band.Y4).First();
        var story = app.Catalogue.ScenariosFor(Band.Y4).First();

        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(plan.Email);
        await page.GetByLabel("Password").FillAsync(plan.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync($"/parent/children/{child.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Everything {child.FirstName} learns in Year 4" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"What {child.FirstName} learns in Year 4" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the year's materials");
        await ShootAsync(page, "parent-materials");

        await page.GetByRole(AriaRole.Link, new() { Name = lesson.Title, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = lesson.Title, Level = 1 })).ToBeVisibleAsync();
        foreach (var step in lesson.Steps)
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = step.Title, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The note for home" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read to me" })).ToHaveCountAsync(lesson.Steps.Count);
        await Expect(page.Locator("main input, main textarea, main select")).ToHaveCountAsync(0); // read-only: nothing to answer
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a lesson");
        await ShootAsync(page, "parent-material-lesson");

        await page.GotoAsync($"/parent/children/{child.Id}/materials/{story.Id}");
        await Expect(page.Locator(".material-scenes > li")).ToHaveCountAsync(story.Scenes.Count);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a story");
        await ShootAsync(page, "parent-material-story");

        var guide = app.Catalogue.AppGuide(lesson.Apps.FirstOrDefault() ?? "roblox")!;
        await page.GotoAsync($"/apps/{guide.Id}");
        await Expect(page.GetByText($"Reviewed on {guide.Reviewed:d MMMM yyyy}").First).ToBeVisibleAsync();
        foreach (var heading in AppGuide.Headings)
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "an app guide");
        await ShootAsync(page, $"app-guide-{guide.Id}");

        // The promises for Year 3–4 end with the child's "…and I agree to follow it"; the parent is asked about published work too.
        await page.GotoAsync($"/parent/children/{child.Id}/aup?step=promises#step");
        await Expect(page.GetByText(app.Catalogue.PupilAupFor(Band.Y4)!.Promises[^1].Text.Plain)).ToBeVisibleAsync();
        await ShootAsync(page, "parent-promises");
        await page.GotoAsync($"/parent/children/{child.Id}/aup?step=photos#step");
        await Expect(page.GetByText(app.Catalogue.ParentAup!.Permissions.Single(p => p.Id == "work-on-website").Question.Plain)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "photos and work permissions");
        await ShootAsync(page, "parent-permissions");
    }

    [Fact]
    public async Task An_admin_publishes_the_curriculum_and_anyone_reads_it_on_a_phone_without_signing_in()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 2));
        var admin = await app.NewPageAsync(1280, 720);
        await StopThinkClick.BrowserTests.SignIn.BrowserSignIn.AdultAsync(admin, school.Adult(AdultRole.SchoolAdmin));
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Share the curriculum with families" }).ClickAsync();
        await admin.GetByLabel("Published: anyone can read the whole curriculum").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("published");
        await Accessibility.AssertNoSeriousViolationsAsync(admin, "sharing the curriculum");
        await ShootAsync(admin, "admin-share-curriculum");

        var anyone = await app.NewPageAsync(390, 844);
        await anyone.GotoAsync($"/schools/{school.Id}/curriculum");
        await anyone.GetByRole(AriaRole.Link, new() { Name = "Year 6", Exact = true }).ClickAsync();
        var story = app.Catalogue.ScenariosFor(Band.Y6).First();
        await anyone.GetByRole(AriaRole.Link, new() { Name = story.Title, Exact = true }).ClickAsync();
        await Expect(anyone.GetByRole(AriaRole.Heading, new() { Name = story.Title, Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(anyone, "the public curriculum");
        await ShootAsync(anyone, "public-curriculum-story");
        await anyone.GotoAsync($"/schools/{school.Id}/curriculum?year=y6#year");
        await ShootAsync(anyone, "public-curriculum");
    }

    static async Task ShootAsync(IPage page, string name)
    {
        foreach (var (size, width, height) in BrowserApp.Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await BrowserApp.ScreenshotAsync(page, $"{name}-{size}");
        }
        await page.SetViewportSizeAsync(390, 844);
    }
}
