using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Safeguarding.Concerns;

namespace StopThinkClick.IntegrationTests.Faults;

/// <summary>
/// The app process is killed (SIGKILL) while a class is answering, and started again. Every
/// acknowledged answer and worry is in Marten; the tablets and the console reconnect by themselves
/// and the lesson carries on from the same question.
/// </summary>
[Collection(nameof(FaultCollection))]
public sealed class KillTests(FaultApp app)
{
    [Fact]
    public async Task Killing_the_app_mid_session_loses_nothing_acknowledged_and_the_lesson_carries_on()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 10));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First(q => q.Questions.Count >= 2);
        await using var server = new ExternalApp(app.ConnectionString);
        await server.StartAsync();

        var teacher = FormClient.For(server.BaseUrl);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var started = await teacher.PostFormAsync($"/teacher/classes/{cls.Id}/live", new Dictionary<string, string> { ["kind"] = "Quiz", ["itemId"] = quiz.Id });
        var sessionId = Guid.Parse(started.Location!.Split('/')[2]);
        await using var console = await LiveClient.ConnectAsync(server.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        var pupils = new List<LiveClient>();
        foreach (var p in cls.Pupils)
        {
            var http = FormClient.For(server.BaseUrl);
            await http.SignInPupilAsync(p.CardSecret);
            var client = await LiveClient.ConnectAsync(server.BaseUrl, http.Cookies);
            (await client.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
            pupils.Add(client);
        }
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();

        var q1 = quiz.Questions[0];
        var acked = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = Guid.CreateVersion7();
            (await pupils[i].SendAsync<Ack>("Answer", sessionId, id, q1.Id, LiveTestKit.Answer(q1, true), 0L)).Ok.ShouldBeTrue();
            acked.Add(id);
        }
        var worryId = Guid.CreateVersion7();
        (await pupils[5].SendAsync<Ack>("Worry", sessionId, worryId)).Ok.ShouldBeTrue();

        // The other five answer while the server dies and comes back: each tablet keeps resending its answer.
        var inFlight = Enumerable.Range(5, 5).Select(i => (Id: Guid.CreateVersion7(), Client: pupils[i])).ToList();
        var sending = inFlight.Select(async x => (await x.Client.SendAsync<Ack>("Answer", sessionId, x.Id, q1.Id, LiveTestKit.Answer(q1, false), 0L), x.Id)).ToList();
        server.Kill();
        await server.StartAsync();
        foreach (var (ack, id) in await Task.WhenAll(sending))
        {
            ack.Ok.ShouldBeTrue(ack.Message);
            acked.Add(id);
        }

        // Everyone rejoins their groups as the browser script does on reconnecting, and the lesson carries on.
        foreach (var p in pupils) (await p.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        (await pupils[9].SendAsync<Ack>("Answer", sessionId, Guid.NewGuid(), q1.Id, LiveTestKit.Answer(q1, true), 0L))
            .Message.ShouldBe("You already answered this question.", "the same question is still open after the restart");
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        var q2 = quiz.Questions[1];
        foreach (var p in pupils)
        {
            var id = Guid.CreateVersion7();
            (await p.SendAsync<Ack>("Answer", sessionId, id, q2.Id, LiveTestKit.Answer(q2, true), 0L)).Ok.ShouldBeTrue();
            acked.Add(id);
        }

        await using var session = app.Store.QuerySession(school.Id);
        var stored = (await session.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<LiveAnswerReceived>().Select(a => a.AnswerId).ToList();
        stored.ShouldBe(acked, ignoreOrder: true);
        var worry = (await session.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<WorryRaised>().ShouldHaveSingleItem();
        worry.WorryId.ShouldBe(worryId);
        (await session.Query<Concern>().SingleOrDefaultAsync(c => c.PupilId == cls.Pupils[5].Id)).ShouldNotBeNull().SessionId.ShouldBe(sessionId);
        foreach (var p in pupils) await p.DisposeAsync();
    }
}
