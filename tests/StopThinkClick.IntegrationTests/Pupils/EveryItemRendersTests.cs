using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Pupils;

/// <summary>
/// Every lesson (each of its steps), quiz, scenario and home guide in content/ renders for a pupil
/// of its band, without an error page: a new content file cannot ship a page that breaks.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class EveryItemRendersTests(AppOnKestrel app)
{
    Catalogue Catalogue => app.Services.GetRequiredService<Catalogue>();

    public static TheoryData<Band> Bands() => [.. Enum.GetValues<Band>()];

    [Theory, MemberData(nameof(Bands))]
    public async Task Every_lesson_quiz_scenario_and_guide_of_the_band_renders(Band band)
    {
        var school = await app.NewSchoolAsync((band, 1));
        var client = FormClient.For(app);
        (await client.GetAsync(LoginCards.Path(school.Pupils.First().CardSecret))).Status.ShouldBe(HttpStatusCode.Redirect);
        var visited = 0;

        async Task<string> Page(string path, string mustShow)
        {
            var page = await client.GetAsync(path);
            page.Status.ShouldBe(HttpStatusCode.OK, path);
            WebUtility.HtmlDecode(page.Body).ShouldContain(mustShow, Case.Sensitive, path);
            visited++;
            return page.Body;
        }

        foreach (var lesson in Catalogue.LessonsFor(band))
        {
            await Page($"/pupil/lessons/{lesson.Id}", lesson.Title);
            foreach (var step in lesson.Steps) await Page($"/pupil/lessons/{lesson.Id}/{step.Number}", step.Title);
            var quiz = Catalogue.Quiz(lesson.QuizId)!;
            await Page($"/pupil/quizzes/{quiz.Id}", quiz.Title);
            var started = await client.PostFormAsync($"/pupil/quizzes/{quiz.Id}", new Dictionary<string, string>());
            started.Status.ShouldBe(HttpStatusCode.Redirect, quiz.Id);
            await Page(started.Location!, quiz.Questions[0].Prompt.Plain);
        }
        foreach (var story in Catalogue.ScenariosFor(band))
        {
            await Page($"/pupil/scenarios/{story.Id}", story.Title);
            var started = await client.PostFormAsync($"/pupil/scenarios/{story.Id}", new Dictionary<string, string>());
            started.Status.ShouldBe(HttpStatusCode.Redirect, story.Id);
            await Page(started.Location!, story.Title);
        }
        await Page($"/guides/{band.ToString().ToLowerInvariant()}", Catalogue.GuideFor(band)!.Title);
        visited.ShouldBeGreaterThan(30);
    }
}
