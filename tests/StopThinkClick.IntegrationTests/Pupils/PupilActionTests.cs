using System.Net;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace StopThinkClick.IntegrationTests.Pupils;

/// <summary>Answers are stored once however often they are sent; bad or foreign requests store nothing.</summary>
[Collection(nameof(AppCollection))]
public sealed class PupilActionTests(AppOnKestrel app)
{
    Catalogue Catalogue => app.Services.GetRequiredService<Catalogue>();

    async Task<(SchoolPlan School, PupilPlan Pupil, FormClient Client)> SignedInPupilAsync(Band band)
    {
        var school = await app.NewSchoolAsync((band, 2));
        var pupil = school.Pupils.First();
        var client = FormClient.For(app);
        (await client.GetAsync(LoginCards.Path(pupil.CardSecret))).Status.ShouldBe(HttpStatusCode.Redirect);
        return (school, pupil, client);
    }

    async Task<IReadOnlyList<object>> EventsAsync(string schoolId, Guid pupilId)
    {
        await using var session = app.Store.QuerySession(schoolId);
        return (await session.Events.FetchStreamAsync(pupilId)).Select(e => e.Data).ToList();
    }

    static async Task<Guid> StartQuizAsync(FormClient client, Quiz quiz)
    {
        var started = await client.PostFormAsync($"/pupil/quizzes/{quiz.Id}", new Dictionary<string, string>());
        started.Status.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(started.Location!.Split('/')[4]);
    }

    static Dictionary<string, string> RightAnswer(Question question, Guid answerId)
    {
        var form = new Dictionary<string, string> { ["answerId"] = answerId.ToString() };
        if (question.Type == QuestionType.Sort)
            foreach (var card in question.Options) form[$"card-{card.Id}"] = card.Right ? "safe" : "notsafe";
        else form["option"] = question.RightOptions.First().Id;
        return form;
    }

    [Fact]
    public async Task The_same_answer_sent_twice_is_stored_once()
    {
        var (school, pupil, client) = await SignedInPupilAsync(Band.Y2);
        var quiz = Catalogue.Quiz(Catalogue.LessonsFor(Band.Y2).First().QuizId)!;
        var question = quiz.Questions.First(q => q.Type != QuestionType.WhoToTell);
        var attempt = await StartQuizAsync(client, quiz);
        var url = $"/pupil/quizzes/{quiz.Id}/{attempt}/{quiz.Questions.ToList().IndexOf(question) + 1}";
        var answer = RightAnswer(question, Guid.NewGuid());

        var first = await client.PostFormAsync(url, answer);
        var again = await client.PostFormAsync(url, answer);

        first.Status.ShouldBe(HttpStatusCode.Redirect);
        again.Status.ShouldBe(HttpStatusCode.Redirect);
        (await EventsAsync(school.Id, pupil.Id)).OfType<QuestionAnswered>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_double_press_racing_itself_is_stored_once()
    {
        var (school, pupil, client) = await SignedInPupilAsync(Band.Y6);
        var quiz = Catalogue.Quiz(Catalogue.LessonsFor(Band.Y6).Last().QuizId)!;
        var question = quiz.Questions.First(q => q.Type != QuestionType.WhoToTell);
        var attempt = await StartQuizAsync(client, quiz);
        var url = $"/pupil/quizzes/{quiz.Id}/{attempt}/{quiz.Questions.ToList().IndexOf(question) + 1}";
        var answer = RightAnswer(question, Guid.NewGuid());

        var presses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostFormAsync(url, answer)));

        presses.ShouldAllBe(p => p.Status == HttpStatusCode.Redirect);
        (await EventsAsync(school.Id, pupil.Id)).OfType<QuestionAnswered>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_lesson_of_another_band_is_refused_and_nothing_is_stored()
    {
        var (school, pupil, client) = await SignedInPupilAsync(Band.Y1);
        var older = Catalogue.LessonsFor(Band.Y6).First(l => !l.IsFor(Band.Y1));

        var page = await client.GetAsync($"/pupil/lessons/{older.Id}");
        var start = await client.PostFormAsync($"/pupil/lessons/{Catalogue.LessonsFor(Band.Y1).First().Id}", new Dictionary<string, string>(),
            postPath: $"/pupil/lessons/{older.Id}");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        page.Body.ShouldContain("This one is for another class");
        start.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await EventsAsync(school.Id, pupil.Id)).OfType<LessonStarted>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Answers_to_missing_questions_or_with_made_up_options_are_refused_and_nothing_is_stored()
    {
        var (school, pupil, client) = await SignedInPupilAsync(Band.Y3);
        var quiz = Catalogue.Quiz(Catalogue.LessonsFor(Band.Y3).First().QuizId)!;
        var attempt = await StartQuizAsync(client, quiz);
        var chooseOne = quiz.Questions.Select((q, i) => (q, i)).First(x => x.q.Type is QuestionType.ChooseOne or QuestionType.TrueFalse);

        var missing = await client.PostFormAsync($"/pupil/quizzes/{quiz.Id}/{attempt}/1",
            new Dictionary<string, string> { ["answerId"] = Guid.NewGuid().ToString(), ["option"] = "a" }, postPath: $"/pupil/quizzes/{quiz.Id}/{attempt}/99");
        var madeUp = await client.PostFormAsync($"/pupil/quizzes/{quiz.Id}/{attempt}/{chooseOne.i + 1}",
            new Dictionary<string, string> { ["answerId"] = Guid.NewGuid().ToString(), ["option"] = "zz" });
        var forgedAttempt = await client.PostFormAsync($"/pupil/quizzes/{quiz.Id}/{attempt}/1",
            new Dictionary<string, string> { ["answerId"] = Guid.NewGuid().ToString(), ["option"] = "a" }, postPath: $"/pupil/quizzes/{quiz.Id}/{Guid.NewGuid()}/1");

        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Body.ShouldContain("That question is not in this quiz");
        madeUp.Status.ShouldBe(HttpStatusCode.BadRequest);
        forgedAttempt.Status.ShouldBe(HttpStatusCode.NotFound);
        (await EventsAsync(school.Id, pupil.Id)).OfType<QuestionAnswered>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pupil_cannot_reach_another_schools_pupil_or_story()
    {
        var (_, me, client) = await SignedInPupilAsync(Band.Y4);
        var (otherSchool, otherPupil, otherClient) = await SignedInPupilAsync(Band.Y4);
        var scenario = Catalogue.ScenariosFor(Band.Y4).First();
        var started = await otherClient.PostFormAsync($"/pupil/scenarios/{scenario.Id}", new Dictionary<string, string>());
        var otherRun = started.Location!;

        var theirStory = await client.GetAsync(otherRun);
        var theirPictures = await client.GetAsync($"/pupil/signin/{otherSchool.Classes[0].Code}/{Guid.NewGuid()}");

        theirStory.Status.ShouldBe(HttpStatusCode.NotFound);
        // The page greets the signed-in pupil by name: two random pupils sharing a first name is not a leak.
        if (otherPupil.FirstName != me.FirstName) theirStory.Body.ShouldNotContain(otherPupil.FirstName);
        theirPictures.Status.ShouldBe(HttpStatusCode.Redirect);
        (await EventsAsync(otherSchool.Id, otherPupil.Id)).OfType<ScenarioChoiceMade>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_worry_is_stored_once_even_when_sent_twice()
    {
        var (school, pupil, client) = await SignedInPupilAsync(Band.Y5);
        var page = await client.GetAsync("/pupil/worried");
        var pressId = System.Text.RegularExpressions.Regex.Match(page.Body, "name=\"pressId\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string> { ["pressId"] = pressId, ["topic"] = "someone-online", ["words"] = "Someone in a game keeps asking where I live." };

        var first = await client.PostFormAsync("/pupil/worried", form);
        var second = await client.PostFormAsync("/pupil/worried", form);

        first.Body.ShouldContain("Thank you for telling us");
        second.Body.ShouldContain("Thank you for telling us");
        await using var session = app.Store.QuerySession(school.Id);
        var concern = await session.Query<StopThinkClick.Web.Safeguarding.Concerns.Concern>().SingleAsync(c => c.PupilId == pupil.Id);
        concern.Id.ShouldNotBe(Guid.Parse(pressId), "the concern's id is made on the server");
        (await session.Events.FetchStreamAsync(concern.Id)).Count.ShouldBe(1);
        (await session.Query<StopThinkClick.Web.Safeguarding.Concerns.ConcernText>().CountAsync(t => t.ConcernId == concern.Id)).ShouldBe(1);
    }
}
