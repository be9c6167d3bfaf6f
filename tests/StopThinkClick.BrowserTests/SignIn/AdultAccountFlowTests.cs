using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.SignIn;

/// <summary>The adult account pages as a person uses them: two-step sign-in, and a welcome link instead of a password from the admin.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class AdultAccountFlowTests(BrowserApp app)
{
    static async Task SignInAsync(IPage page, AdultPlan adult, string? password = null)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(adult.Email);
        await page.GetByLabel("Password").FillAsync(password ?? adult.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task The_safeguarding_lead_types_their_authenticator_code_and_the_concern_log_opens()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var page = await app.NewPageAsync();

        await SignInAsync(page, lead);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your sign-in code" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the two-step code page");
        await BrowserApp.ScreenshotAsync(page, "two-step-code");
        await page.GetByLabel("Code").FillAsync("123 456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("that code did not work");
        await page.GetByLabel("Code").FillAsync(TwoStepCodes.NextCode(lead.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/safeguarding$"));
    }

    [Fact]
    public async Task A_lead_paused_by_somebody_elses_guesses_signs_in_with_password_and_code_on_the_same_page()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var guesser = FormClient.For(app);
        for (var i = 0; i < 5; i++) await guesser.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = lead.Email, ["password"] = $"guess {i}" });
        var page = await app.NewPageAsync(390, 844);

        await SignInAsync(page, lead);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("password-only sign-in is paused");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the paused sign-in page");
        await BrowserApp.ScreenshotAsync(page, "signin-paused-phone");
        await page.GetByLabel("Password").FillAsync(lead.Password);
        await page.GetByLabel("Code from your authenticator app").FillAsync(TwoStepCodes.NextCode(lead.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/safeguarding$"));
    }

    [Fact]
    public async Task A_new_teacher_chooses_their_own_password_from_the_admins_one_time_link()
    {
        var school = await app.NewSchoolAsync();
        var admin = school.Adult(AdultRole.SchoolAdmin);
        var adminPage = await app.NewPageAsync();
        await SignInAsync(adminPage, admin);
        await adminPage.GetByLabel("Code").FillAsync(TwoStepCodes.NextCode(admin.Email));
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await adminPage.GotoAsync("/admin/staff");
        var email = $"welcome@{school.Id}.test";
        await adminPage.GetByLabel("Name as pupils say it").FillAsync("Ms Welcome");
        await adminPage.GetByLabel("School e-mail address").FillAsync(email);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var link = (await adminPage.Locator("#one-time-link").TextContentAsync())!.Trim();
        await Accessibility.AssertNoSeriousViolationsAsync(adminPage, "the staff page");
        await BrowserApp.ScreenshotAsync(adminPage, "admin-staff-link");

        var page = await app.NewPageAsync(768, 1024);
        await page.GotoAsync(link);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the set-password page");
        await page.GetByLabel("New password").FillAsync("tea biscuit bicycle");
        await page.GetByLabel("The same password again").FillAsync("tea biscuit bicycle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your password is set");
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already been used");

        await SignInAsync(page, new AdultPlan(Guid.Empty, email, "", AdultRole.Teacher, "", []), "tea biscuit bicycle");
        await Expect(page).ToHaveURLAsync(new Regex("/teacher$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change my password" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "my account");
    }
    [Fact]
    public async Task A_lead_makes_a_deputys_link_on_the_team_page_and_moves_their_own_key_with_the_current_code()
    {
        var school = await app.NewSchoolAsync();
        var lead = school.Adult(AdultRole.SafeguardingLead);
        var page = await app.NewPageAsync();
        await SignInAsync(page, lead);
        await page.GetByLabel("Code").FillAsync(TwoStepCodes.NextCode(lead.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Safeguarding team" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the safeguarding team page");
        var deputy = school.Adult(AdultRole.DeputySafeguardingLead);
        await page.GetByRole(AriaRole.Button, new() { Name = $"New sign-in link for {deputy.DisplayName}" }).ClickAsync();
        await Expect(page.Locator("#one-time-link")).ToContainTextAsync("/account/set-password/");

        await page.GotoAsync("/account/two-step");
        await page.GetByRole(AriaRole.Link, new() { Name = "Move it to a new phone or app" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "moving two-step sign-in");
        var secret = (await page.Locator("#setup-key").TextContentAsync())!.Trim();
        await page.GetByLabel("Code from the app").FillAsync(StopThinkClick.Web.SignIn.TwoStep.TwoStepRules.CodeAt(secret, DateTimeOffset.UtcNow));
        await page.GetByLabel("Code from your old app now, or one of your recovery codes").FillAsync(TwoStepCodes.NextCode(lead.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        TwoStepCodes.Remember(lead.Email, secret);
    }
}
