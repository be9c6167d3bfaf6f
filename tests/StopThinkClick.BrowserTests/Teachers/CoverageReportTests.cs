using System.Text;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Teachers;

/// <summary>The coverage report is evidence a school shows an inspector: all eight strands on screen and on one printed page.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class CoverageReportTests(BrowserApp app)
{
    [Fact]
    public async Task All_eight_strands_fit_the_screen_and_print_on_one_A4_landscape_page_with_what_to_teach_next()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 3), (Band.Y5, 3));
        var admin = school.Adult(StopThinkClick.Web.Schools.AdultRole.SchoolAdmin);
        var page = await app.NewPageAsync(1280, 720);
        await StopThinkClick.BrowserTests.SignIn.BrowserSignIn.AdultAsync(page, admin);
        await page.GotoAsync("/coverage");

        var headers = page.Locator("table.coverage thead th");
        await Expect(headers).ToHaveCountAsync(10);
        var viewport = 1280;
        for (var i = 0; i < 10; i++)
        {
            var box = await headers.Nth(i).BoundingBoxAsync();
            box.ShouldNotBeNull();
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(viewport, $"column {i} ends past the screen's edge");
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Teach next" })).ToBeVisibleAsync();
        await Expect(page.Locator(".teach-next li")).Not.ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "coverage-projector");

        // Printed: A4 landscape, every strand's column inside the printable width, and one page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(1047, 720); // A4 landscape less 12 mm margins, at 96 px per inch
        var overflow = await page.EvaluateAsync<int>("() => { const t = document.querySelector('table.coverage'); return Math.ceil(t.getBoundingClientRect().right - document.documentElement.clientWidth); }");
        overflow.ShouldBeLessThanOrEqualTo(0, "the printed table is wider than the A4 page");
        var pdf = await page.PdfAsync(new() { Format = "A4", Landscape = true, PrintBackground = true });
        var pages = System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        pages.ShouldBe(1);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
    }
}
