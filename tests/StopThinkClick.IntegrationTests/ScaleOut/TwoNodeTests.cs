using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Safeguarding.Concerns;

namespace StopThinkClick.IntegrationTests.ScaleOut;

/// <summary>
/// Scale-out: two app processes behind one PostgreSQL, joined by a private redis-server. The
/// teacher's console is on node A and the class is on node B; the lesson runs as if on one node.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed partial class TwoNodeTests(AppOnKestrel app)
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

    [Fact]
    public async Task Ending_on_node_A_refuses_answers_and_joins_on_node_B_at_once()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 3));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First();
        await using var nodes = await TwoNodes.StartAsync(app.ConnectionString);
        var teacher = await TwoNodes.TeacherAsync(nodes.A, cls.Teacher);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var console = await LiveClient.ConnectAsync(nodes.A.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        var pupils = new List<LiveClient>();
        foreach (var p in cls.Pupils)
        {
            var live = await TwoNodes.PupilAsync(nodes.A, nodes.B, p);
            (await live.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
            pupils.Add(live);
        }
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        var question = quiz.Questions[0];
        var first = Guid.CreateVersion7();
        (await pupils[0].SendAsync<Ack>("Answer", sessionId, first, question.Id, LiveTestKit.Answer(question, true), 0L)).Ok.ShouldBeTrue();

        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();

        // No waiting: node B's very next decision already knows the session ended on A.
        (await pupils[1].SendAsync<Ack>("Answer", sessionId, Guid.CreateVersion7(), question.Id, LiveTestKit.Answer(question, true), 0L))
            .Message.ShouldBe("This live lesson has finished.");
        (await pupils[2].SendAsync<JoinState>("Join", sessionId)).Message.ShouldBe("This live lesson has finished.", "a tablet rejoining on B");
        await Eventually.TrueAsync(() => pupils.All(p => p.Ended.Count == 1), "every tablet on B is told the session ended on A");

        await using var query = app.Store.QuerySession(school.Id);
        var events = (await query.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).ToList();
        events.OfType<LiveAnswerReceived>().Select(a => a.AnswerId).ShouldBe([first]);
        events.OfType<LiveSessionEnded>().ShouldHaveSingleItem();
        foreach (var p in pupils) await p.DisposeAsync();
    }

    [Fact]
    public async Task A_worry_raised_on_node_B_shows_on_the_console_on_node_A()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First();
        await using var nodes = await TwoNodes.StartAsync(app.ConnectionString);
        var teacher = await TwoNodes.TeacherAsync(nodes.A, cls.Teacher);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var console = await LiveClient.ConnectAsync(nodes.A.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        await using var board = await LiveClient.ConnectAsync(nodes.A.BaseUrl, teacher.Cookies);
        (await board.SendAsync<JoinState>("Watch", sessionId, "board")).Ok.ShouldBeTrue();
        await using var pupil = await TwoNodes.PupilAsync(nodes.B, nodes.B, cls.Pupils[1]);
        (await pupil.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();

        var worryId = Guid.CreateVersion7();
        (await pupil.SendAsync<Ack>("Worry", sessionId, worryId)).Ok.ShouldBeTrue();
        await Eventually.TrueAsync(() => console.Worries.Count == 1, "the console on A is told at once");
        console.Worries.Single().PupilId.ShouldBe(cls.Pupils[1].Id);
        board.Worries.ShouldBeEmpty();
        // A's own copy has it too: the console page drawn by A lists it.
        var (_, panel, _) = await teacher.GetAsync($"/live/{sessionId}/console?handler=Slide");
        panel.ShouldContain($"<strong>{cls.Pupils[1].DisplayName}</strong> pressed \"I'm worried\"");

        await using var query = app.Store.QuerySession(school.Id);
        var worry = (await query.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<WorryRaised>().ShouldHaveSingleItem();
        worry.WorryId.ShouldBe(worryId);
        (await query.Query<Concern>().SingleOrDefaultAsync(c => c.PupilId == cls.Pupils[1].Id)).ShouldNotBeNull().SessionId.ShouldBe(sessionId);
    }

    [Fact]
    public async Task Ceremony_signatures_on_node_B_count_on_node_A_and_are_witnessed_there()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 3));
        var cls = school.Classes[0];
        var aup = app.Catalogue().PupilAupFor(Band.Y4)!;
        await using var nodes = await TwoNodes.StartAsync(app.ConnectionString);
        var teacher = await TwoNodes.TeacherAsync(nodes.A, cls.Teacher);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Ceremony", aup.Id);
        await using var console = await LiveClient.ConnectAsync(nodes.A.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        var pupils = new List<LiveClient>();
        foreach (var p in cls.Pupils)
        {
            var live = await TwoNodes.PupilAsync(nodes.B, nodes.B, p);
            (await live.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
            pupils.Add(live);
        }
        foreach (var promise in aup.Promises)
        {
            (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
            foreach (var p in pupils) (await p.SendAsync<Ack>("Affirm", sessionId, promise.Id)).Ok.ShouldBeTrue();
        }
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        for (var i = 0; i < pupils.Count; i++)
            (await pupils[i].SendAsync<Ack>("Sign", sessionId, Guid.CreateVersion7(), cls.Pupils[i].FirstName, null)).Ok.ShouldBeTrue();

        await Eventually.TrueAsync(() => console.Affirmed.Any(c => c.Signed == 3), "the console on A counts the three signatures made on B");
        (await console.SendAsync<Ack>("Witness", sessionId)).Ok.ShouldBeTrue("node A knows who signed on B");
        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();

        await using var query = app.Store.QuerySession(school.Id);
        foreach (var p in cls.Pupils)
            (await query.Events.FetchStreamAsync(p.Id)).Select(e => e.Data).OfType<StopThinkClick.Web.Aup.AupSigned>().ShouldHaveSingleItem()
                .PromiseIds.Count.ShouldBe(aup.Promises.Count);
        foreach (var p in pupils) await p.DisposeAsync();
    }
}
