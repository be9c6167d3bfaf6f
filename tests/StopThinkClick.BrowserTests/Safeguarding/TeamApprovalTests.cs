using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Safeguarding;

/// <summary>The two-person rule as the people use it: the admin asks, the lead sees who asked and what led up to it, and approves.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class TeamApprovalTests(BrowserApp app)
{
    static async Task SignInAsync(IPage page, AdultPlan adult)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(adult.Email);
        await page.GetByLabel("Password").FillAsync(adult.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(TwoStepCodes.NextCode(adult.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task The_admin_asks_to_make_a_teacher_deputy_and_the_lead_approves_it_from_the_concern_logs_notice()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var admin = await app.NewPageAsync();
        await SignInAsync(admin, school.Adult(AdultRole.SchoolAdmin));
        await admin.GotoAsync("/admin/staff");
        await admin.GetByLabel($"New role for {teacher.DisplayName}").SelectOptionAsync("DeputySafeguardingLead");
        await admin.Locator("tr", new() { HasText = teacher.DisplayName }).GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("waits for a designated safeguarding lead or deputy");
        await Accessibility.AssertNoSeriousViolationsAsync(admin, "the staff page with a change waiting");
        await BrowserApp.ScreenshotAsync(admin, "admin-staff-team-change-asked");

        var lead = await app.NewPageAsync();
        await SignInAsync(lead, school.Adult(AdultRole.SafeguardingLead));
        await Expect(lead).ToHaveURLAsync(new Regex("/safeguarding$"));
        await Expect(lead.GetByRole(AriaRole.Status).Filter(new() { HasText = "waits for your approval" })).ToBeVisibleAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = "See who asked and decide" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = $"asked to make {teacher.DisplayName} deputy safeguarding lead" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(lead, "the team page with a change waiting");
        foreach (var (name, width, height) in BrowserApp.Sizes)
        {
            await lead.SetViewportSizeAsync(width, height);
            await BrowserApp.ScreenshotAsync(lead, $"team-change-waiting-{name}");
        }
        await lead.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Approve.*make {teacher.DisplayName} deputy safeguarding lead") }).ClickAsync();
        await Expect(lead.Locator("#one-time-link")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(lead, "the team page after approving");
        await BrowserApp.ScreenshotAsync(lead, "team-change-approved-phone");
    }
}
