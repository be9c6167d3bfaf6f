using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.IntegrationTests.ScaleOut;

/// <summary>
/// Scale-out: two app processes behind one PostgreSQL, joined by a private redis-server. The
/// teacher's console is on node A and the class is on node B; the lesson runs as if on one node.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class TwoNodeTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_session_led_from_node_A_is_played_by_pupils_on_node_B()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 4));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First(q => q.Questions.Count >= 2);
        await using var redis = await LocalRedis.StartAsync();
        var scaleOut = new Dictionary<string, string> { ["ScaleOut__Redis"] = redis.Configuration };
        await using var nodeA = new ExternalApp(app.ConnectionString, scaleOut);
        await nodeA.StartAsync();

        // Signed in on A: node B must read the same cookie keys from the database.
        var teacher = FormClient.For(nodeA.BaseUrl);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var cookies = new List<FormClient>();
        foreach (var p in cls.Pupils)
        {
            var http = FormClient.For(nodeA.BaseUrl);
            await http.SignInPupilAsync(p.CardSecret);
            cookies.Add(http);
        }
        await using var nodeB = new ExternalApp(app.ConnectionString, scaleOut);
        await nodeB.StartAsync();

        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var console = await LiveClient.ConnectAsync(nodeA.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();

        var pupils = new List<LiveClient>();
        foreach (var http in cookies)
        {
            var live = await LiveClient.ConnectAsync(nodeB.BaseUrl, http.Cookies);
            (await live.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue("a cookie from node A is honoured by node B");
            pupils.Add(live);
        }
        await Eventually.TrueAsync(() => console.Joined.Count == pupils.Count, "the console on A sees every pupil who joined on B");

        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        await Eventually.TrueAsync(() => pupils.All(p => !p.Slides.IsEmpty), "the pupils on B are told the slide changed on A");

        // Node B must know (from A, through Redis) that question 1 is open, or it would refuse these answers.
        var question = quiz.Questions[0];
        var acked = new List<Guid>();
        foreach (var p in pupils)
        {
            var id = Guid.CreateVersion7();
            var ack = await p.SendAsync<Ack>("Answer", sessionId, id, question.Id, LiveTestKit.Answer(question, true), 0L);
            ack.Ok.ShouldBeTrue(ack.Message);
            acked.Add(id);
        }
        await Eventually.TrueAsync(() => console.Seen.Count == acked.Count, "the console on A sees every answer sent to B");
        console.Seen.Select(s => s.AnswerId).ShouldBe(acked, ignoreOrder: true);

        // And back the other way: node A's copy of the session counted B's answers.
        (await console.SendAsync<Ack>("Reveal", sessionId)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();
        await using var query = app.Store.QuerySession(school.Id);
        var stored = (await query.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<LiveAnswerReceived>().Select(a => a.AnswerId);
        stored.ShouldBe(acked, ignoreOrder: true);
        foreach (var p in pupils) await p.DisposeAsync();
    }
}
