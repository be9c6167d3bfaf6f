using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Pupils.Progress;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Pupils;

/// <summary>A whole quiz with the keyboard only: Tab, arrow keys, Space and Enter — no mouse, no clicks.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class KeyboardQuizTests(BrowserApp app)
{
    [Fact]
    public async Task A_pupil_finishes_a_quiz_using_only_the_keyboard()
    {
        var school = await app.NewSchoolAsync((Band.Y5, 1));
        var pupil = school.Pupils.First();
        // Pick a quiz that has more than one kind of question, so radios, checkboxes and sort boxes are all driven by keys.
        var quiz = app.Catalogue.LessonsFor(Band.Y5).Select(l => app.Catalogue.Quiz(l.QuizId)!)
            .OrderByDescending(q => q.Questions.Select(x => x.Type).Distinct().Count()).First();
        var page = await app.NewPageAsync(1280, 720);
        await PupilDriver.SignInWithCardAsync(page, pupil);
        await page.GotoAsync($"/pupil/quizzes/{quiz.Id}");

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }));
        await page.Keyboard.PressAsync("Enter");
        foreach (var question in quiz.Questions)
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" })).ToBeVisibleAsync();
            if (question.Type == QuestionType.Sort)
                foreach (var card in question.Options)
                    await ChooseRadioAsync(page, $"card-{card.Id}", card.Right ? "safe" : "notsafe");
            else if (question.Type == QuestionType.WhoToTell)
                foreach (var option in question.RightOptions)
                {
                    await TabToAsync(page, page.Locator($"input[name='option'][value='{option.Id}']"));
                    await page.Keyboard.PressAsync("Space");
                }
            else
                await ChooseRadioAsync(page, "option", question.RightOptions.Single().Id);

            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yes! Well done." })).ToBeVisibleAsync();
            var next = question == quiz.Questions[^1] ? "See how I did" : "Next question";
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = next }).Or(page.GetByRole(AriaRole.Button, new() { Name = next })));
            await page.Keyboard.PressAsync("Enter");
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You finished the quiz!" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"You got all {quiz.Questions.Count} right first time. Brilliant!")).ToBeVisibleAsync();
        await Expect(page.GetByText("New badge: Quiz star")).ToBeVisibleAsync();
        var events = await PupilDriver.EventsOfAsync(app.Store, school.Id, pupil.Id);
        events.OfType<QuestionAnswered>().Count(a => a.Correct).ShouldBe(quiz.Questions.Count);
        events.OfType<QuizCompleted>().ShouldHaveSingleItem().RightFirstTime.ShouldBe(quiz.Questions.Count);
    }

    /// <summary>Presses Tab until the element has focus, as a keyboard user would; fails if it never gets there.</summary>
    static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new ShouldAssertException("Tab never reached the element: it is not reachable by keyboard.");
    }

    /// <summary>Tabs into a radio group, then arrow keys move to (and select) the wanted radio.</summary>
    static async Task ChooseRadioAsync(IPage page, string name, string value)
    {
        var group = page.Locator($"input[type='radio'][name='{name}']");
        await TabToAsync(page, group.First);
        var target = page.Locator($"input[type='radio'][name='{name}'][value='{value}']");
        for (var i = 0; i < 8 && !await target.IsCheckedAsync(); i++)
            await page.Keyboard.PressAsync(i == 0 && !await group.First.IsCheckedAsync() ? "Space" : "ArrowDown");
        (await target.IsCheckedAsync()).ShouldBeTrue($"the keyboard could not choose {value} in {name}");
    }
}
