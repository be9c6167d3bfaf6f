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
}
