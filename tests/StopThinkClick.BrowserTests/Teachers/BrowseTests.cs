using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Teachers;

/// <summary>A teacher reads a lesson with its notes and quiz before teaching it, then starts it live from there.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class BrowseTests(BrowserApp app)
{
    [Fact]
    public async Task A_teacher_finds_a_lesson_by_year_and_strand_previews_it_with_notes_and_starts_it_live()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var cls = school.Classes[0];
        var lesson = app.Catalogue.LessonsFor(Band.Y3).First(l => l.Strands.Contains(Strand.PrivacyAndSecurity));
        var quiz = app.Catalogue.Quiz(lesson.QuizId)!;
        var otherStrandOnly = app.Catalogue.LessonsFor(Band.Y3).FirstOrDefault(l => !l.Strands.Contains(Strand.PrivacyAndSecurity));

        var page = await app.NewPageAsync(1280, 720);
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(cls.Teacher.Email);
        await page.GetByLabel("Password").FillAsync(cls.Teacher.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lessons and stories" }).ClickAsync();
        await Expect(page.GetByLabel("Year group")).ToHaveValueAsync("y3");
        await page.GetByLabel("Strand").SelectOptionAsync("privacy-and-security");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        if (otherStrandOnly is not null)
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = otherStrandOnly.Title, Exact = true })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "browse");
        foreach (var (name, width, height) in BrowserApp.Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await BrowserApp.ScreenshotAsync(page, $"teacher-browse-{name}");
        }
        await page.SetViewportSizeAsync(1280, 720);

        await page.GetByRole(AriaRole.Link, new() { Name = lesson.Title, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Teacher notes" })).ToBeVisibleAsync();
        foreach (var step in lesson.Steps)
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = step.Title, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("— right answer").First).ToBeVisibleAsync();
        await Expect(page.Locator(".preview-steps").Last.Locator("> li")).ToHaveCountAsync(quiz.Questions.Count);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "preview");
        await BrowserApp.ScreenshotAsync(page, "teacher-preview-projector");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Start live with {cls.Name}" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/live/[0-9a-f-]+/console$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = lesson.Title })).ToBeVisibleAsync();
    }
}
