using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.IntegrationTests.Live;

/// <summary>A lesson or story finished live with the class counts as much as one done alone, badges included.</summary>
[Collection(nameof(AppCollection))]
public sealed class LiveBadgeTests(AppOnKestrel app)
{
    [Theory]
    [InlineData("Lesson", "first-lesson")]
    [InlineData("Scenario", "story-explorer")]
    public async Task A_pupil_who_finishes_a_lesson_or_story_live_earns_the_same_badge_as_on_their_own(string kind, string badge)
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var (pupil, absent) = (cls.Pupils[0], cls.Pupils[1]);
        var itemId = kind == "Lesson" ? app.Catalogue().LessonsFor(Band.Y4).First().Id : app.Catalogue().ScenariosFor(Band.Y4).First().Id;
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, kind, itemId);
        await using var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        await using var tablet = await LiveTestKit.PupilAsync(app.BaseUrl, app, pupil, sessionId);

        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();

        await using var query = app.Store.QuerySession(school.Id);
        var progress = await query.LoadAsync<PupilProgress>(pupil.Id);
        progress.ShouldNotBeNull();
        progress.HasBadge(badge).ShouldBeTrue($"{kind} finished live earns {badge}");
        (await query.Events.FetchStreamAsync(pupil.Id)).Count(e => e.Data is BadgeEarned b && b.BadgeId == badge).ShouldBe(1);
        (await query.LoadAsync<PupilProgress>(absent.Id))?.HasBadge(badge).ShouldNotBe(true, "a pupil who did not join earns nothing");
    }

    [Fact]
    public async Task Six_sessions_ended_at_once_give_a_pupil_each_badge_once_and_every_session_its_attendance()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var cls = school.Classes[0];
        var pupil = cls.Pupils[0];
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var consoles = new List<LiveClient>(); // one each: a hub runs one call per connection at a time
        var tablets = new List<LiveClient>();
        var sessions = new List<Guid>();
        foreach (var lesson in app.Catalogue().LessonsFor(Band.Y3).Take(6))
        {
            var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Lesson", lesson.Id);
            var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);
            (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
            consoles.Add(console);
            tablets.Add(await LiveTestKit.PupilAsync(app.BaseUrl, app, pupil, sessionId));
            sessions.Add(sessionId);
        }

        // Each end writes the pupil's attendance and any badge to the pupil's one stream: without an
        // optimistic check on that stream, every end decided "first lesson" on the same old progress.
        var ends = await Task.WhenAll(sessions.Select((id, i) => consoles[i].SendAsync<Ack>("End", id)));

        ends.ShouldAllBe(a => a.Ok);
        await using var query = app.Store.QuerySession(school.Id);
        var stream = (await query.Events.FetchStreamAsync(pupil.Id)).Select(e => e.Data).ToList();
        stream.OfType<LiveSessionAttended>().Select(a => a.SessionId).ShouldBe(sessions, ignoreOrder: true);
        stream.OfType<BadgeEarned>().GroupBy(b => b.BadgeId).ShouldAllBe(g => g.Count() == 1, string.Join(", ", stream.OfType<BadgeEarned>().Select(b => b.BadgeId)));
        stream.OfType<BadgeEarned>().ShouldContain(b => b.BadgeId == "first-lesson");
        foreach (var client in tablets.Concat(consoles)) await client.DisposeAsync();
    }
}
