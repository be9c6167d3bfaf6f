using System.Net;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.IntegrationTests.Live;

/// <summary>Bad input to the live hub is refused, and the session goes on for everyone else.</summary>
[Collection(nameof(AppCollection))]
public sealed class LiveRefusalTests(AppOnKestrel app)
{
    async Task<(SchoolPlanTuple Plan, Guid SessionId, LiveClient Console, Quiz Quiz)> QuizSessionAsync(int pupils = 3)
    {
        var school = await app.NewSchoolAsync((Band.Y4, pupils), (Band.Y4, 2));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).Select(l => app.Catalogue().Quiz(l.QuizId)!).First(q => q.Questions.Count >= 2);
        var http = FormClient.For(app);
        await http.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var id = await LiveTestKit.StartAsync(http, cls.Id, "Quiz", quiz.Id);
        var teacher = await LiveClient.ConnectAsync(app.BaseUrl, http.Cookies);
        (await teacher.SendAsync<JoinState>("Watch", id, "console")).Ok.ShouldBeTrue();
        return (new SchoolPlanTuple(school), id, teacher, quiz);
    }

    public sealed record SchoolPlanTuple(SchoolPlan School);

    async Task<int> StoredAnswersAsync(string schoolId, Guid sessionId)
    {
        await using var session = app.Store.QuerySession(schoolId);
        return (await session.Events.FetchStreamAsync(sessionId)).Count(e => e.Data is LiveAnswerReceived);
    }

    /// <summary>A console left open on a teacher's laptop stops working the moment they sign out elsewhere.</summary>
    [Fact]
    public async Task An_open_connection_is_refused_once_its_sign_in_is_revoked()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().LessonsFor(Band.Y4).First().QuizId;
        var http = FormClient.For(app);
        await http.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var id = await LiveTestKit.StartAsync(http, cls.Id, "Quiz", quiz);
        await using var console = await LiveClient.ConnectAsync(app.BaseUrl, http.Cookies);
        (await console.SendAsync<JoinState>("Watch", id, "console")).Ok.ShouldBeTrue();

        (await http.PostFormAsync("/teacher", new Dictionary<string, string>(), "/signout")).Status.ShouldBe(HttpStatusCode.Redirect);

        var refused = await Should.ThrowAsync<HubException>(() => console.Connection.InvokeCoreAsync<Ack>("Next", [id]));
        refused.Message.ShouldContain("signed out");
    }

    /// <summary>A Year 4 quiz with its teacher's console watching and the first pupil's tablet joined.</summary>
    async Task<(SchoolPlan School, Guid Id, FormClient Teacher, LiveClient Console, LiveClient Tablet)> WatchedQuizAsync()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var http = FormClient.For(app);
        await http.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var id = await LiveTestKit.StartAsync(http, cls.Id, "Quiz", app.Catalogue().LessonsFor(Band.Y4).First().QuizId);
        var console = await LiveClient.ConnectAsync(app.BaseUrl, http.Cookies);
        (await console.SendAsync<JoinState>("Watch", id, "console")).Ok.ShouldBeTrue();
        return (school, id, http, console, await LiveTestKit.PupilAsync(app.BaseUrl, app, cls.Pupils[0], id));
    }

    static async Task ClosedWithinASweepAsync(LiveClient client, string because)
    {
        var closedBy = DateTime.UtcNow.AddSeconds(30);
        while (client.Connection.State == HubConnectionState.Connected && DateTime.UtcNow < closedBy) await Task.Delay(200);
        client.Connection.State.ShouldNotBe(HubConnectionState.Connected, because);
    }

    [Fact]
    public async Task A_console_that_only_listens_is_closed_once_its_sign_in_is_revoked_and_hears_no_later_worry()
    {
        var (_, id, http, console, tablet) = await WatchedQuizAsync();
        await using var _c = console;
        await using var _t = tablet;

        // Signed out elsewhere (or deactivated): the open console calls nothing more, it only listens.
        (await http.PostFormAsync("/teacher", new Dictionary<string, string>(), "/signout")).Status.ShouldBe(HttpStatusCode.Redirect);

        await ClosedWithinASweepAsync(console, "the server closes a signed-out console within its sweep");
        (await tablet.SendAsync<Ack>("Worry", id, Guid.NewGuid())).Ok.ShouldBeTrue();
        await Task.Delay(1000); // what would have been pushed has had time to arrive
        console.Worries.ShouldBeEmpty("a worry raised after the sign-out never reaches the old console");
    }

    [Fact]
    public async Task A_tablet_that_only_listens_is_closed_once_its_pupils_sign_in_ends_on_another_node()
    {
        var (school, id, _, console, tablet) = await WatchedQuizAsync();
        await using var _c = console;
        await using var _t = tablet;

        // New cards printed through the other node: this node is told nothing, and the tablet calls nothing more.
        await using (var session = app.Store.LightweightSession(school.Id))
        {
            var pupil = (await session.LoadAsync<Pupil>(school.Classes[0].Pupils[0].Id))!;
            session.Store(pupil with { SignIn = pupil.SignIn with { Stamp = SessionStamps.New() } });
            await session.SaveChangesAsync();
        }

        await ClosedWithinASweepAsync(tablet, "the server closes a tablet whose sign-in ended within its sweep");
        var slidesSeen = tablet.Slides.Count;
        (await console.SendAsync<Ack>("Next", id)).Ok.ShouldBeTrue();
        await Task.Delay(1000); // what would have been pushed has had time to arrive
        tablet.Slides.Count.ShouldBe(slidesSeen, "no slide shown after the sign-in ended reaches the old tablet");
    }

    [Fact]
    public async Task Unknown_sessions_and_other_classes_are_refused()
    {
        var (plan, id, teacher, _) = await QuizSessionAsync();
        await using var _t = teacher;
        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[0], id, join: false);
        await using var otherClass = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[1].Pupils[0], id, join: false);

        (await pupil.SendAsync<JoinState>("Join", Guid.NewGuid())).Message.ShouldBe("We can't find that live lesson.");
        var refused = await otherClass.SendAsync<JoinState>("Join", id);
        refused.Ok.ShouldBeFalse();
        refused.Message.ShouldBe("This live lesson is for another class.");
        (await pupil.SendAsync<JoinState>("Join", id)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task A_pupil_or_another_teacher_cannot_drive_the_session()
    {
        var (plan, id, teacher, _) = await QuizSessionAsync();
        await using var _t = teacher;
        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[0], id);
        var otherTeacherHttp = FormClient.For(app);
        await otherTeacherHttp.SignInAdultAsync(plan.School.Classes[1].Teacher.Email, plan.School.Classes[1].Teacher.Password);
        await using var otherTeacher = await LiveClient.ConnectAsync(app.BaseUrl, otherTeacherHttp.Cookies);

        foreach (var command in new[] { "Next", "Back", "Reveal", "End" })
        {
            (await pupil.SendAsync<Ack>(command, id)).Message.ShouldBe("Only the session's teacher can do that.");
            (await otherTeacher.SendAsync<Ack>(command, id)).Message.ShouldBe("Only the session's teacher can do that.");
        }
        (await otherTeacher.SendAsync<JoinState>("Watch", id, "console")).Ok.ShouldBeFalse();
        (await teacher.SendAsync<Ack>("Next", id)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Answers_to_a_question_that_is_not_open_or_that_do_not_fit_are_refused_and_not_stored()
    {
        var (plan, id, teacher, quiz) = await QuizSessionAsync();
        await using var _t = teacher;
        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[0], id);
        var q1 = quiz.Questions[0];
        var q2 = quiz.Questions[1];

        (await pupil.SendAsync<Ack>("Answer", id, Guid.NewGuid(), q1.Id, LiveTestKit.Answer(q1, true), 0L)).Message.ShouldBe("That question is not open now.");
        (await teacher.SendAsync<Ack>("Next", id)).Ok.ShouldBeTrue();
        (await pupil.SendAsync<Ack>("Answer", id, Guid.NewGuid(), q2.Id, LiveTestKit.Answer(q2, true), 0L)).Message.ShouldBe("That question is not open now.");
        (await pupil.SendAsync<Ack>("Answer", id, Guid.NewGuid(), q1.Id, new[] { "zz" }, 0L)).Ok.ShouldBeFalse();
        (await pupil.SendAsync<Ack>("Answer", id, Guid.NewGuid(), q1.Id, Enumerable.Repeat("a", 50).ToArray(), 0L)).Message.ShouldBe("That answer could not be read. Please try again.");
        (await pupil.SendAsync<Ack>("Answer", id, Guid.Empty, q1.Id, LiveTestKit.Answer(q1, true), 0L)).Ok.ShouldBeFalse();
        (await teacher.SendAsync<Ack>("Reveal", id)).Ok.ShouldBeTrue();
        (await pupil.SendAsync<Ack>("Answer", id, Guid.NewGuid(), q1.Id, LiveTestKit.Answer(q1, true), 0L)).Message.ShouldBe("The answers have been shown, so this question is closed.");

        (await StoredAnswersAsync(plan.School.Id, id)).ShouldBe(0);
    }

    [Fact]
    public async Task An_oversized_message_closes_only_that_connection_and_the_session_goes_on()
    {
        var (plan, id, teacher, quiz) = await QuizSessionAsync();
        await using var _t = teacher;
        await using var bad = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[0], id);
        await using var good = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[1], id);
        (await teacher.SendAsync<Ack>("Next", id)).Ok.ShouldBeTrue();
        var closed = new TaskCompletionSource<Exception?>();
        bad.Connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };

        var huge = new string('x', 64 * 1024);
        await Should.ThrowAsync<Exception>(() => bad.Connection.InvokeAsync<Ack>("Answer", id, Guid.NewGuid(), huge, new[] { huge }, 0L));

        var q1 = quiz.Questions[0];
        (await good.SendAsync<Ack>("Answer", id, Guid.NewGuid(), q1.Id, LiveTestKit.Answer(q1, true), 0L)).Ok.ShouldBeTrue();
        (await StoredAnswersAsync(plan.School.Id, id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_flood_from_one_device_is_slowed_down_while_the_class_carries_on()
    {
        var (plan, id, teacher, quiz) = await QuizSessionAsync();
        await using var _t = teacher;
        await using var flooder = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[0], id);
        await using var good = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[1], id);
        (await teacher.SendAsync<Ack>("Next", id)).Ok.ShouldBeTrue();

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(async _ =>
        {
            try { await flooder.Connection.InvokeAsync<Ack>("Join", id); return "ok"; }
            catch (HubException e) { return e.Message; }
        }));

        results.ShouldContain(r => r.Contains("Too many messages at once"));
        var q1 = quiz.Questions[0];
        (await good.SendAsync<Ack>("Answer", id, Guid.NewGuid(), q1.Id, LiveTestKit.Answer(q1, true), 0L)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task A_join_code_stops_working_when_the_session_ends()
    {
        var (plan, id, teacher, _) = await QuizSessionAsync();
        await using var _t = teacher;
        await using var query = app.Store.QuerySession(plan.School.Id);
        var code = (await query.LoadAsync<LiveSessionCard>(id))!.JoinCode;
        var pupilHttp = FormClient.For(app);
        await pupilHttp.SignInPupilAsync(plan.School.Classes[0].Pupils[0].CardSecret);

        var before = await pupilHttp.GetAsync($"/live/code/{code}");
        before.Status.ShouldBe(HttpStatusCode.Redirect);
        before.Location.ShouldBe($"/live/{id}/pupil");

        (await teacher.SendAsync<Ack>("End", id)).Ok.ShouldBeTrue();

        var after = await pupilHttp.GetAsync($"/live/code/{code}");
        after.Status.ShouldBe(HttpStatusCode.NotFound);
        after.Body.ShouldContain("does not match a live lesson");
        await using var pupil = await LiveTestKit.PupilAsync(app.BaseUrl, app, plan.School.Classes[0].Pupils[1], id, join: false);
        (await pupil.SendAsync<JoinState>("Join", id)).Message.ShouldBe("This live lesson has finished.");
    }
}
