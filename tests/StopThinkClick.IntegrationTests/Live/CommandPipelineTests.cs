using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Live;

/// <summary>
/// Every live command takes one path: decide (seeing writes still in flight) → append with the
/// expected version → publish → apply → notify. Races, repeats, stale copies and ended sessions,
/// over real SignalR and real PostgreSQL.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class CommandPipelineTests(AppOnKestrel app)
{
    [Fact]
    public async Task Two_answers_in_flight_from_one_pupil_to_one_question_store_only_one()
    {
        var (cls, sessionId, console, question) = await OpenQuestionAsync();
        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, cls.Pupils[0], sessionId);
        var acks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            pupil.Connection.InvokeAsync<Ack>("Answer", sessionId, Guid.CreateVersion7(), question.Id, LiveTestKit.Answer(question, true), 0L)));
        acks.Count(a => a.Ok).ShouldBe(1);
        acks.Where(a => !a.Ok).ShouldAllBe(a => a.Message == "You already answered this question.");
        (await AnswersAsync(cls, sessionId)).Count.ShouldBe(1);
        await Eventually.TrueAsync(() => console.Seen.Count == 1, "the console sees the one answer");
    }

    [Fact]
    public async Task The_same_answer_sent_many_times_at_once_is_acknowledged_every_time_and_counted_once()
    {
        var (cls, sessionId, console, question) = await OpenQuestionAsync();
        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, cls.Pupils[0], sessionId);
        var id = Guid.CreateVersion7();
        var acks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            pupil.Connection.InvokeAsync<Ack>("Answer", sessionId, id, question.Id, LiveTestKit.Answer(question, true), 0L)));
        acks.ShouldAllBe(a => a.Ok);
        (await AnswersAsync(cls, sessionId)).ShouldBe([id]);
        await Eventually.TrueAsync(() => console.Seen.Count == 1, "the console sees it");
        (await console.SendAsync<Ack>("Reveal", sessionId)).Ok.ShouldBeTrue(); // anything pushed for the repeats would have arrived before this
        console.Seen.Count.ShouldBe(1, "nothing double-counted");
    }

    [Fact]
    public async Task A_stale_copy_of_a_session_reads_what_it_missed_and_decides_again()
    {
        var (cls, sessionId, _, question) = await OpenQuestionAsync();
        var sessions = app.Services.GetRequiredService<LiveSessions>();
        var stale = (await sessions.GetAsync(schools[cls.Id], sessionId))!;
        sessions.Forget(stale.SchoolId, sessionId); // the next call loads a second copy, as another node would hold

        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, cls.Pupils[0], sessionId);
        (await pupil.SendAsync<Ack>("Answer", sessionId, Guid.CreateVersion7(), question.Id, LiveTestKit.Answer(question, true), 0L)).Ok.ShouldBeTrue();
        stale.State.Joined.ShouldNotContain(cls.Pupils[0].Id, "the stale copy has not heard of the join or the answer");

        var now = DateTimeOffset.UtcNow;
        var joined = await stale.SendAsync(new LiveCommand(s => LiveDecider.Join(s, cls.Pupils[1].Id, now)));
        joined.Events.ShouldHaveSingleItem().ShouldBeOfType<PupilJoined>("its append met a newer stream, so it read it and decided again");
        stale.State.Joined.ShouldContain(cls.Pupils[0].Id, "and now knows what the other copy wrote");
        var again = await stale.SendAsync(new LiveCommand(s => LiveDecider.Answer(s, stale.Script, cls.Pupils[0].Id, Guid.CreateVersion7(), question.Id, LiveTestKit.Answer(question, false), now)));
        again.Refusal.ShouldBe("You already answered this question.");

        await using var query = app.Store.QuerySession(schools[cls.Id]);
        var events = await query.Events.FetchStreamAsync(sessionId);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v), "one unbroken stream, whoever wrote");
        events.Count(e => e.Data is LiveAnswerReceived).ShouldBe(1);
        stale.Snapshot.StreamVersion.ShouldBe(events.Count);
    }

    [Fact]
    public async Task Commands_on_an_ended_or_unknown_session_are_refused_and_nothing_is_written()
    {
        var (cls, sessionId, console, question) = await OpenQuestionAsync();
        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, cls.Pupils[0], sessionId);
        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();
        var before = await StreamLengthAsync(cls, sessionId);

        (await pupil.SendAsync<Ack>("Answer", sessionId, Guid.CreateVersion7(), question.Id, LiveTestKit.Answer(question, true), 0L)).Message.ShouldBe("This live lesson has finished.");
        (await pupil.SendAsync<Ack>("Vote", sessionId, Guid.CreateVersion7(), "scene", "a")).Message.ShouldBe("This live lesson has finished.");
        (await pupil.SendAsync<JoinState>("Join", sessionId)).Message.ShouldBe("This live lesson has finished.");
        (await pupil.SendAsync<Ack>("Affirm", sessionId, "p1")).Message.ShouldBe("The ceremony has finished.");
        foreach (var command in new[] { "Next", "Back", "Reveal" })
            (await console.SendAsync<Ack>(command, sessionId)).Ok.ShouldBeFalse(command);
        (await console.SendAsync<Ack>("Lock", sessionId, true)).Message.ShouldBe("The session has ended.");
        (await console.SendAsync<Ack>("ShowNames", sessionId, true)).Message.ShouldBe("The session has ended.");
        (await console.SendAsync<Ack>("End", sessionId)).Message.ShouldBe("The session has already ended.");
        (await StreamLengthAsync(cls, sessionId)).ShouldBe(before, "nothing written");

        var unknown = Guid.CreateVersion7();
        (await pupil.SendAsync<Ack>("Answer", unknown, Guid.CreateVersion7(), question.Id, LiveTestKit.Answer(question, true), 0L)).Message.ShouldBe("We can't find that live lesson.");
        (await console.SendAsync<Ack>("Next", unknown)).Message.ShouldBe("Only the session's teacher can do that.");
    }

    async Task<(ClassPlan Class, Guid SessionId, LiveClient Console, Question Question)> OpenQuestionAsync()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 3));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First();
        var http = FormClient.For(app);
        await http.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var sessionId = await LiveTestKit.StartAsync(http, cls.Id, "Quiz", quiz.Id);
        var console = await LiveClient.ConnectAsync(app.BaseUrl, http.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        schools[cls.Id] = school.Id;
        return (cls, sessionId, console, quiz.Questions[0]);
    }

    readonly Dictionary<Guid, string> schools = [];

    async Task<List<Guid>> AnswersAsync(ClassPlan cls, Guid sessionId)
    {
        await using var query = app.Store.QuerySession(schools[cls.Id]);
        return (await query.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).OfType<LiveAnswerReceived>().Select(a => a.AnswerId).ToList();
    }

    async Task<int> StreamLengthAsync(ClassPlan cls, Guid sessionId)
    {
        await using var query = app.Store.QuerySession(schools[cls.Id]);
        return (await query.Events.FetchStreamAsync(sessionId)).Count;
    }
}
