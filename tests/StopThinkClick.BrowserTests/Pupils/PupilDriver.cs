using Marten;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Pupils;

/// <summary>What a pupil does with a mouse (or a finger), step by step, for the player tests.</summary>
public static class PupilDriver
{
    public static async Task SignInWithCardAsync(IPage page, PupilPlan pupil)
    {
        await page.GotoAsync(LoginCards.Path(pupil.CardSecret));
        await page.GetByRole(AriaRole.Link, new() { Name = "I will remember. Let's go!" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {pupil.DisplayName}!" })).ToBeVisibleAsync();
    }

    /// <summary>Picks the right answer by clicking, as a child would, and checks it.</summary>
    public static async Task AnswerRightByMouseAsync(IPage page, Question question)
    {
        await PickRightAsync(page, question);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();
    }

    /// <summary>Picks the right answer by clicking, without sending it.</summary>
    public static async Task PickRightAsync(IPage page, Question question)
    {
        if (question.Type == QuestionType.Sort)
            foreach (var card in question.Options)
                await page.Locator($"input[name='card-{card.Id}'][value='{(card.Right ? "safe" : "notsafe")}']").ClickAsync();
        else
            foreach (var option in question.RightOptions)
                await page.Locator($"label.choice:has(input[value='{option.Id}'])").ClickAsync();
    }

    /// <summary>A wrong answer, for the "have another go" path.</summary>
    public static async Task AnswerWrongByMouseAsync(IPage page, Question question)
    {
        if (question.Type == QuestionType.Sort)
            foreach (var card in question.Options)
                await page.Locator($"input[name='card-{card.Id}'][value='{(card.Right ? "notsafe" : "safe")}']").ClickAsync();
        else
            await page.Locator($"label.choice:has(input[value='{question.Options.First(o => !o.Right).Id}'])").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();
    }

    public static async Task<IReadOnlyList<object>> EventsOfAsync(IDocumentStore store, string schoolId, Guid pupilId)
    {
        await using var session = store.QuerySession(schoolId);
        return (await session.Events.FetchStreamAsync(pupilId)).Select(e => e.Data).ToList();
    }
}
