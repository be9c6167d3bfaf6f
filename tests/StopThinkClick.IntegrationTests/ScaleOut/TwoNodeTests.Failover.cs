using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.IntegrationTests.ScaleOut;

public sealed partial class TwoNodeTests
{
    /// <summary>
    /// Node A loses power mid-question. Its pupils' tablets come back through node B (as a load
    /// balancer would send them) and resend what was not acknowledged, with the same ids.
    /// </summary>
    [Fact]
    public async Task Killing_node_A_mid_session_its_pupils_carry_on_through_node_B_and_nothing_acknowledged_is_lost()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 8));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First(q => q.Questions.Count >= 2);
        await using var nodes = await TwoNodes.StartAsync(app.ConnectionString);
        var teacher = await TwoNodes.TeacherAsync(nodes.B, cls.Teacher);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var console = await LiveClient.ConnectAsync(nodes.B.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();

        var cookies = new List<FormClient>();
        var onA = new List<LiveClient>();
        foreach (var p in cls.Pupils)
        {
            var http = FormClient.For(nodes.A.BaseUrl);
            await http.SignInPupilAsync(p.CardSecret);
            cookies.Add(http);
            var live = await LiveClient.ConnectAsync(nodes.A.BaseUrl, http.Cookies);
            (await live.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
            onA.Add(live);
        }
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        var q1 = quiz.Questions[0];
        var ids = cls.Pupils.Select(_ => Guid.CreateVersion7()).ToList();
        var acked = new HashSet<Guid>();
        for (var i = 0; i < 4; i++)
        {
            (await onA[i].SendAsync<Ack>("Answer", sessionId, ids[i], q1.Id, LiveTestKit.Answer(q1, true), 0L)).Ok.ShouldBeTrue();
            acked.Add(ids[i]);
        }
        await Eventually.TrueAsync(() => console.Seen.Count == 4, "the console on B sees the answers given on A as they are stored");

        // The other four answer while node A dies: some may be acknowledged, some not.
        var sending = Enumerable.Range(4, 4).Select(async i =>
        {
            try { return (await onA[i].Connection.InvokeAsync<Ack>("Answer", sessionId, ids[i], q1.Id, LiveTestKit.Answer(q1, false), 0L)).Ok ? ids[i] : Guid.Empty; }
            catch (Exception) { return Guid.Empty; }
        }).ToList();
        nodes.A.Kill();
        foreach (var id in await Task.WhenAll(sending)) if (id != Guid.Empty) acked.Add(id);
        foreach (var live in onA) await live.DisposeAsync();

        // Through node B: rejoin, resend every answer not acknowledged (same id), and carry on.
        var onB = new List<LiveClient>();
        for (var i = 0; i < cookies.Count; i++)
        {
            var live = await LiveClient.ConnectAsync(nodes.B.BaseUrl, cookies[i].Cookies);
            (await live.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue("a cookie from node A is honoured by node B");
            onB.Add(live);
        }
        for (var i = 4; i < 8; i++)
        {
            (await onB[i].SendAsync<Ack>("Answer", sessionId, ids[i], q1.Id, LiveTestKit.Answer(q1, false), 0L)).Ok.ShouldBeTrue();
            acked.Add(ids[i]);
        }
        (await onB[0].SendAsync<Ack>("Answer", sessionId, Guid.CreateVersion7(), q1.Id, LiveTestKit.Answer(q1, false), 0L))
            .Message.ShouldBe("You already answered this question.", "node B knows what was stored through node A");
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        var q2 = quiz.Questions[1];
        foreach (var live in onB)
        {
            var id = Guid.CreateVersion7();
            (await live.SendAsync<Ack>("Answer", sessionId, id, q2.Id, LiveTestKit.Answer(q2, true), 0L)).Ok.ShouldBeTrue();
            acked.Add(id);
        }
        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();

        await using var query = app.Store.QuerySession(school.Id);
        var stored = (await query.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<LiveAnswerReceived>().Select(a => a.AnswerId).ToList();
        stored.ShouldBe(acked, ignoreOrder: true);
        stored.Count.ShouldBe(16, "every pupil's two answers, each once");
        foreach (var live in onB) await live.DisposeAsync();
    }
}
