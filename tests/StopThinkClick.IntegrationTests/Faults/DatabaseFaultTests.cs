using System.Net;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.IntegrationTests.Faults;

/// <summary>
/// The database restarts, or stalls, in the middle of a live lesson. The app stays up and says
/// so; answers sent meanwhile are refused (the tablet keeps and resends them) or stored when it is
/// back — never acknowledged and then lost; pages show a friendly "busy" page, not a stack trace.
/// </summary>
[Collection(nameof(FaultCollection))]
public sealed class DatabaseFaultTests(FaultApp app)
{
    [Fact]
    public async Task A_database_restart_mid_session_loses_no_acknowledged_answer()
    {
        var (school, sessionId, console, pupils, question) = await LiveQuizAsync(6);
        var acked = new List<Guid>();
        var ids = pupils.Select(_ => Guid.CreateVersion7()).ToArray();
        for (var i = 0; i < 3; i++)
        {
            (await pupils[i].SendAsync<Ack>("Answer", sessionId, ids[i], question.Id, LiveTestKit.Answer(question, true), 0L)).Ok.ShouldBeTrue();
            acked.Add(ids[i]);
        }

        var http = FormClient.For(app);
        var pupilPage = FormClient.For(app);
        await pupilPage.SignInPupilAsync(school.Classes[0].Pupils[0].CardSecret);
        app.Postgres.Server.Stop();
        try
        {
            (await http.GetAsync("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
            (await http.GetAsync("/health/ready")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var busy = await pupilPage.GetAsync("/pupil");
            busy.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            busy.Body.ShouldContain("Please wait a moment and try again", Case.Sensitive, busy.Body[^1500..]);
            for (var i = 3; i < 6; i++)
            {
                var refused = await Should.ThrowAsync<HubException>(() => pupils[i].Connection.InvokeAsync<Ack>("Answer", sessionId, ids[i], question.Id, LiveTestKit.Answer(question, true), 0L));
                refused.Message.ShouldContain("Not saved yet");
            }
        }
        finally
        {
            app.Postgres.Server.Start();
        }
        await Eventually.TrueAsync(() => http.GetAsync("/health/ready").Result.Status == HttpStatusCode.OK, "ready again", 30);

        // The tablets resend what was not acknowledged, with the same ids.
        for (var i = 3; i < 6; i++)
        {
            (await pupils[i].SendAsync<Ack>("Answer", sessionId, ids[i], question.Id, LiveTestKit.Answer(question, true), 0L)).Ok.ShouldBeTrue();
            acked.Add(ids[i]);
        }
        // And one that was acknowledged before is sent again after the restart: stored once.
        (await pupils[0].SendAsync<Ack>("Answer", sessionId, ids[0], question.Id, LiveTestKit.Answer(question, true), 0L)).Ok.ShouldBeTrue();

        await using var session = app.Store.QuerySession(school.Id);
        var stored = (await session.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<LiveAnswerReceived>().Select(a => a.AnswerId).ToList();
        stored.ShouldBe(acked, ignoreOrder: true);
        app.Logs.Unhandled.ShouldBeEmpty();
        foreach (var p in pupils) await p.DisposeAsync();
        await console.DisposeAsync();
    }

    [Fact]
    public async Task A_stalled_database_gives_a_friendly_busy_page_while_the_live_lesson_carries_on()
    {
        var (school, sessionId, console, pupils, question) = await LiveQuizAsync(3);
        var pupilPage = FormClient.For(app);
        await pupilPage.SignInPupilAsync(school.Classes[0].Pupils[0].CardSecret);

        // Someone holds a lock on the pupils' progress table for several seconds.
        await using var blocker = new NpgsqlConnection(app.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("lock table stc.mt_doc_pupilprogress in access exclusive mode", blocker, transaction))
            await lockTable.ExecuteNonQueryAsync();

        var page = pupilPage.GetAsync("/pupil");
        var started = DateTime.UtcNow;
        var answer = await pupils[1].SendAsync<Ack>("Answer", sessionId, Guid.NewGuid(), question.Id, LiveTestKit.Answer(question, true), 0L);
        var answerTook = DateTime.UtcNow - started;
        var busy = await page;
        await transaction.RollbackAsync();

        answer.Ok.ShouldBeTrue();
        answerTook.ShouldBeLessThan(TimeSpan.FromSeconds(1.5), "the live lesson does not wait for the stuck table");
        busy.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        busy.Body.ShouldContain("Please wait a moment and try again");
        (await pupilPage.GetAsync("/pupil")).Status.ShouldBe(HttpStatusCode.OK);
        app.Logs.Unhandled.ShouldBeEmpty();
        foreach (var p in pupils) await p.DisposeAsync();
        await console.DisposeAsync();
    }

    async Task<(SchoolPlan School, Guid SessionId, LiveClient Console, LiveClient[] Pupils, Question Question)> LiveQuizAsync(int pupils)
    {
        var school = await app.NewSchoolAsync((Band.Y4, pupils));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First();
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        var clients = await Task.WhenAll(cls.Pupils.Select(p => LiveTestKit.PupilAsync(app.BaseUrl, app, p, sessionId)));
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        return (school, sessionId, console, clients, quiz.Questions[0]);
    }
}
