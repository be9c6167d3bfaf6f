using System.Text.Json;
using Microsoft.Playwright;

namespace StopThinkClick.BrowserTests.Home;

/// <summary>
/// Two defects outside checkers (pa11y, the Nu validator) found that axe passes: these tests
/// assert the rule itself, so the defect cannot come back unnoticed.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class OutsideCheckerTests(BrowserApp app)
{
    [Fact]
    public async Task The_sign_in_fields_name_their_purpose_with_the_autocomplete_token_their_type_and_label_say()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signin");
        // WCAG 1.3.5: an e-mail field labelled "E-mail address" says "email" ("username" on type=email
        // is refused by the Nu validator and pa11y); the password field says "current-password".
        (await page.GetByLabel("E-mail address").GetAttributeAsync("autocomplete")).ShouldBe("email");
        (await page.GetByLabel("E-mail address").GetAttributeAsync("type")).ShouldBe("email");
        (await page.GetByLabel("Password").GetAttributeAsync("autocomplete")).ShouldBe("current-password");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "adult sign-in");
    }

    [Fact]
    public async Task No_page_puts_an_aria_label_on_an_element_without_a_role_that_can_be_named()
    {
        var page = await app.NewPageAsync();
        foreach (var path in new[] { "/", "/signin", "/pupil/signin", "/guides", "/privacy", "/about" })
        {
            await page.GotoAsync(path);
            // aria-label on a plain div or span is not allowed (ARIA 1.2: generic elements cannot be named).
            var unnamed = await page.EvaluateAsync<JsonElement>("""
                () => [...document.querySelectorAll('div[aria-label], span[aria-label], p[aria-label]')]
                  .filter(e => !e.hasAttribute('role'))
                  .map(e => e.outerHTML.slice(0, 80))
                """);
            unnamed.EnumerateArray().Select(e => e.GetString()).ShouldBeEmpty($"aria-label on an element with no role on {path}");
        }
    }
}
