using System.Text.Json;
using Microsoft.Playwright;
using StopThinkClick.Web.Platform;

namespace StopThinkClick.BrowserTests;

/// <summary>
/// axe-core (from npm, injected by Playwright — never served to users) checks a page against WCAG
/// 2.0–2.2 A and AA. A serious or critical violation fails the test, naming the rule and the element.
/// It is evaluated through the DevTools protocol rather than added as a script tag, so the page
/// keeps the app's real Content-Security-Policy while it is checked.
/// </summary>
public static class Accessibility
{
    static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js")));

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa'] } });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
            }
            """);
        var found = violations.EnumerateArray().Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {v.GetProperty("nodes")}").ToList();
        found.ShouldBeEmpty($"accessibility problems on {where} ({page.Url}):\n" + string.Join("\n", found));
    }
}
