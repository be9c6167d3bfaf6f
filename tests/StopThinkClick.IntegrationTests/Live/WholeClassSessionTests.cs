using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Safeguarding.Concerns;

namespace StopThinkClick.IntegrationTests.Live;

/// <summary>
/// One teacher and thirty pupils on real SignalR connections: join, three questions, a worry, a
/// pupil whose connection is cut mid-question, the end; then a story with a vote. Every count in
/// Marten matches exactly what was acknowledged.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class WholeClassSessionTests(AppOnKestrel app)
{
    [Fact]
    public async Task Thirty_pupils_answer_vote_and_worry_and_every_acknowledged_answer_is_stored_once()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 30));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First(q => q.Questions.Count >= 3);
        var teacherHttp = FormClient.For(app);
        await teacherHttp.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var sessionId = await LiveTestKit.StartAsync(teacherHttp, cls.Id, "Quiz", quiz.Id);
        await using var console = await LiveClient.ConnectAsync(app.BaseUrl, teacherHttp.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        await using var board = await LiveClient.ConnectAsync(app.BaseUrl, teacherHttp.Cookies);
        (await board.SendAsync<JoinState>("Watch", sessionId, "board")).Ok.ShouldBeTrue();

        await using var flaky = new FlakyProxy(app.BaseUrl);
        var pupils = await Task.WhenAll(cls.Pupils.Select((p, i) => LiveTestKit.PupilAsync(i == 0 ? flaky.BaseUrl : app.BaseUrl, app, p, sessionId)));
        await Eventually.TrueAsync(() => console.Joined.Count == 30, "the console sees 30 pupils join");
        await Eventually.TrueAsync(() => board.Joined.Count == 30, "the board counts 30 pupils joining");
        board.Joined.ShouldAllBe(j => j.FirstName == null && j.PupilId == Guid.Empty, "the board is told counts, not who joined");

        var acknowledged = new List<Guid>();
        var expectedRight = new Dictionary<string, int>();
        foreach (var question in quiz.Questions.Take(3))
        {
            (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
            var answers = cls.Pupils.Select((p, i) => (Pupil: i, Id: Guid.CreateVersion7(), Right: i % 3 != 0)).ToList();
            expectedRight[question.Id] = answers.Count(a => a.Right);

            var sends = answers.Select(async a =>
            {
                if (a.Pupil == 0 && question == quiz.Questions[1])
                    flaky.CutAll(); // pupil 0's Wi-Fi drops just as they answer: the client resends the same answer id
                var ack = await pupils[a.Pupil].SendAsync<Ack>("Answer", sessionId, a.Id, question.Id, LiveTestKit.Answer(question, a.Right), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                ack.Ok.ShouldBeTrue(ack.Message);
                return a.Id;
            });
            acknowledged.AddRange(await Task.WhenAll(sends));
            // A double press: the same answer again is acknowledged and not stored twice.
            (await pupils[7].SendAsync<Ack>("Answer", sessionId, answers[7].Id, question.Id, LiveTestKit.Answer(question, answers[7].Right), 0L)).Ok.ShouldBeTrue();

            await Eventually.TrueAsync(() => console.Seen.Count(s => s.QuestionId == question.Id) == 30, $"the console sees 30 answers to {question.Id}");
            console.Seen.Where(s => s.QuestionId == question.Id).Select(s => s.PupilId).Distinct().Count().ShouldBe(30);
            (await console.SendAsync<Ack>("Reveal", sessionId)).Ok.ShouldBeTrue();
        }
        flaky.Cuts.ShouldBe(1);

        var worryId = Guid.CreateVersion7();
        (await pupils[5].SendAsync<Ack>("Worry", sessionId, worryId)).Ok.ShouldBeTrue();
        (await pupils[5].SendAsync<Ack>("Worry", sessionId, worryId)).Ok.ShouldBeTrue("a resend of the same press is acknowledged, not stored twice");
        await Eventually.TrueAsync(() => console.Worries.Count == 1, "the console shows the worry");
        console.Worries.Single().PupilId.ShouldBe(cls.Pupils[5].Id);
        board.Worries.ShouldBeEmpty();
        pupils.Where((_, i) => i != 5).ShouldAllBe(p => p.Worries.IsEmpty);

        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();

        await using var session = app.Store.QuerySession(school.Id);
        var events = (await session.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).ToList();
        var stored = events.OfType<LiveAnswerReceived>().ToList();
        stored.Select(a => a.AnswerId).ShouldBe(acknowledged, ignoreOrder: true);
        events.OfType<PupilJoined>().Count().ShouldBe(30);
        var worry = events.OfType<WorryRaised>().ShouldHaveSingleItem();
        worry.WorryId.ShouldBe(worryId);
        worry.ConcernId.ShouldNotBe(worryId, "the concern's id is made on the server, never the device's");
        events.OfType<LiveSessionEnded>().ShouldHaveSingleItem();

        var summary = await session.LoadAsync<LiveSessionSummary>(sessionId);
        summary.ShouldNotBeNull();
        summary.Participants.Count.ShouldBe(30);
        summary.WorriedPupils.ShouldBe([cls.Pupils[5].Id]);
        foreach (var result in summary.Questions.Where(q => expectedRight.ContainsKey(q.QuestionId)))
        {
            result.Answered.ShouldBe(30);
            result.Right.ShouldBe(expectedRight[result.QuestionId]);
        }
        // One concern for the worried pupil, whatever id the concern log gave it.
        var concern = await session.Query<Concern>().SingleOrDefaultAsync(c => c.PupilId == cls.Pupils[5].Id);
        concern.ShouldNotBeNull().SessionId.ShouldBe(sessionId);
        concern.PressIds.Count.ShouldBe(1, "a resend of the same press is not a second press");
        foreach (var pupil in cls.Pupils)
            (await session.Events.FetchStreamAsync(pupil.Id)).Select(e => e.Data).OfType<LiveSessionAttended>().ShouldHaveSingleItem().Answered.ShouldBe(3);

        // The story: the class votes, the story follows the vote.
        var story = app.Catalogue().ScenariosFor(Band.Y4).First();
        var storyId = await LiveTestKit.StartAsync(teacherHttp, cls.Id, "Scenario", story.Id);
        (await console.SendAsync<JoinState>("Watch", storyId, "console")).Ok.ShouldBeTrue();
        foreach (var p in pupils) (await p.SendAsync<JoinState>("Join", storyId)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("Next", storyId)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("OpenVote", storyId)).Ok.ShouldBeTrue();
        var choices = story.Start.Choices;
        var safe = choices.First(c => !c.Risky);
        var votes = await Task.WhenAll(pupils.Select((p, i) => p.SendAsync<Ack>("Vote", storyId, Guid.CreateVersion7(), story.StartSceneId, i < 20 ? safe.Id : choices.Last().Id)));
        votes.ShouldAllBe(v => v.Ok);
        (await console.SendAsync<Ack>("Next", storyId)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("End", storyId)).Ok.ShouldBeTrue();

        var storyEvents = (await session.Events.FetchStreamAsync(storyId)).Select(e => e.Data).ToList();
        storyEvents.OfType<VoteCast>().Count().ShouldBe(30);
        var branch = storyEvents.OfType<BranchChosen>().ShouldHaveSingleItem();
        branch.ChoiceId.ShouldBe(safe.Id);
        branch.FollowedVote.ShouldBeTrue();
        var storySummary = await session.LoadAsync<LiveSessionSummary>(storyId);
        storySummary!.Path.ShouldHaveSingleItem().Votes[safe.Id].ShouldBe(choices.Last() == safe ? 30 : 20);

        foreach (var p in pupils) await p.DisposeAsync();
    }
}
