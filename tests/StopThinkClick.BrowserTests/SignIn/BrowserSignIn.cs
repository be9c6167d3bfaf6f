using Microsoft.Playwright;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.BrowserTests.SignIn;

/// <summary>An adult signs in on the page as a person would, typing the two-step code from their app where their role has one.</summary>
public static class BrowserSignIn
{
    public static async Task AdultAsync(IPage page, AdultPlan adult)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(adult.Email);
        await page.GetByLabel("Password").FillAsync(adult.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.Equals("/signin", StringComparison.Ordinal));
        if (!page.Url.Contains("/signin/code", StringComparison.Ordinal)) return;
        await page.GetByLabel("Code").FillAsync(TwoStepCodes.NextCode(adult.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin/code", StringComparison.Ordinal));
    }
}
