using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.BrowserTests.Pupils;

/// <summary>
/// The pages a pupil meets on a Monday morning, visited in order by a Reception pupil (pictures,
/// the biggest text) and a check run on each: from the name screen to a sort question and a story.
/// </summary>
public static class KeyPupilPages
{
    public static async Task VisitAsync(BrowserApp app, SchoolPlan school, IPage page, Func<string, Task> check, int pupilNumber = 0)
    {
        var code = school.Classes[0].Code;
        var pupil = school.Pupils.ElementAt(pupilNumber); // a pupil of their own for each run, so every quiz starts fresh
        var band = school.Classes[0].Band;
        await page.GotoAsync($"/pupil/signin/{code}");
        await check("names");
        await page.GotoAsync($"/pupil/signin/{code}/{pupil.Id}");
        await check("picture PIN");
        await page.GotoAsync(LoginCards.Path(pupil.CardSecret));
        await check("reminder");
        await page.GotoAsync("/pupil");
        await check("home");

        var lesson = app.Catalogue.LessonsFor(band).First();
        await page.GotoAsync($"/pupil/lessons/{lesson.Id}");
        await check("lesson intro");
        await page.Locator("main form button[type=submit]").ClickAsync(); // "Start the lesson" the first time
        await page.Locator(".step, .card").First.WaitForAsync();
        await check("lesson step");

        var quiz = app.Catalogue.Quizzes.Where(q => q.IsFor(band)).First(q => q.Questions.Any(x => x.Type == QuestionType.Sort));
        await page.GotoAsync($"/pupil/quizzes/{quiz.Id}");
        await page.Locator("main form button[type=submit]").ClickAsync();
        for (var n = 1; n <= quiz.Questions.Count; n++)
        {
            if (n > 1) await page.GotoAsync(page.Url[..page.Url.LastIndexOf('/')] + "/" + n);
            await page.Locator("#question").WaitForAsync();
            await check($"quiz question {n} ({quiz.Questions[n - 1].Type})");
        }
        await PupilDriver.AnswerWrongByMouseAsync(page, quiz.Questions[^1]);
        await page.Locator("#feedback").WaitForAsync();
        await check("quiz feedback");

        var story = app.Catalogue.ScenariosFor(band).First();
        await page.GotoAsync($"/pupil/scenarios/{story.Id}");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("#scene").WaitForAsync();
        await check("story scene");

        await page.GotoAsync("/pupil/settings");
        await check("settings");
        await page.GotoAsync("/pupil/worried");
        await check("worried");
    }
}
