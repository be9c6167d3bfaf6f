using System.Text.Json;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.BrowserTests.Pupils;

/// <summary>
/// Small fingers and small screens (issue 16.5, 16.10): every target a child taps is at least
/// 44×44 CSS pixels on a tablet, and no text is cut by a box's border or runs out of its box at
/// any of the three sizes.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class PupilPageFitTests(BrowserApp app)
{
    [Fact]
    public async Task Every_target_on_the_key_pupil_pages_is_at_least_44_pixels_square_on_a_tablet()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 3));
        var page = await app.NewPageAsync(768, 1024);
        var small = new List<string>();
        await KeyPupilPages.VisitAsync(app, school, page, async where =>
        {
            // A radio or checkbox inside its label is tapped through the label, so the label is the target.
            var found = await page.EvaluateAsync<JsonElement>("""
                () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, label:has(input)')]
                  .filter(e => !(e.matches('input') && e.closest('label')))
                  .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                  .filter(e => !e.closest('.skip-link') || document.activeElement === e)
                  .map(e => ({ e, r: e.getBoundingClientRect() }))
                  .filter(x => x.r.width < 43.5 || x.r.height < 43.5)
                  .map(x => `${x.e.tagName.toLowerCase()} "${(x.e.innerText || x.e.getAttribute('aria-label') || x.e.name || '').trim().slice(0, 30)}" ${Math.round(x.r.width)}×${Math.round(x.r.height)}`)
                """);
            small.AddRange(found.EnumerateArray().Select(e => $"{where}: {e.GetString()}"));
        });
        small.ShouldBeEmpty("targets smaller than 44×44 px at 768×1024:\n" + string.Join("\n", small));
    }

    [Fact]
    public async Task No_text_on_the_key_pupil_pages_runs_out_of_or_is_cut_by_its_box_at_any_size()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 3));
        var problems = new List<string>();
        foreach (var ((size, width, height), i) in BrowserApp.Sizes.Select((s, i) => (s, i)))
        {
            var page = await app.NewPageAsync(width, height);
            await KeyPupilPages.VisitAsync(app, school, page, async where =>
            {
                await BrowserApp.ScreenshotAsync(page, $"fit-{where.Replace(' ', '-').Replace("(", "").Replace(")", "")}-{size}");
                var found = await page.EvaluateAsync<JsonElement>(TextFit.Script);
                problems.AddRange(found.EnumerateArray().Select(e => $"{size} {where}: {e.GetString()}"));
            }, pupilNumber: i);
            await page.Context.CloseAsync();
        }
        problems.ShouldBeEmpty("text that does not fit its box:\n" + string.Join("\n", problems.Take(40)));
    }
}
