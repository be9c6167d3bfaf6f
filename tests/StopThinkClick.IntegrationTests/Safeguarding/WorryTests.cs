using System.Net;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using static StopThinkClick.IntegrationTests.Safeguarding.SafeguardingKit;

namespace StopThinkClick.IntegrationTests.Safeguarding;

[Collection(nameof(AppCollection))]
public sealed class WorryTests(AppOnKestrel app)
{
    [Fact]
    public async Task Twenty_presses_at_once_make_one_concern_and_every_press_is_thanked_and_its_words_kept()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 1));
        var plan = school.Classes[0].Pupils[0];
        var child = await PupilAsync(app, plan);
        await child.GetAsync("/pupil/worried"); // the anti-forgery cookie, once, as a tablet's browser would hold it

        var presses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => PressAsync(child, $"press number {i} words")));

        presses.ShouldAllBe(p => p.Status == HttpStatusCode.OK && p.Body.Contains("Thank you for telling us"), "every press is kindly acknowledged");
        var concern = (await ConcernsAboutAsync(app, school.Id, plan.Id)).ShouldHaveSingleItem("twenty presses in a second are one worry");
        concern.Presses.ShouldBe(20);
        concern.Timeline.Count(t => t.What == "pressed-again").ShouldBe(19);
        var texts = await TextsOfAsync(app, school.Id, concern.Id);
        texts.Select(t => t.Text).ShouldBe(Enumerable.Range(1, 20).Select(i => $"press number {i} words"), ignoreOrder: true, "nothing the child typed is lost");
        texts.ShouldAllBe(t => t.Author == TextAuthor.Pupil && t.AuthorId == plan.Id);

        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        Decoded((await lead.GetAsync($"/safeguarding/concerns/{concern.Id}")).Body).ShouldContain("20 presses close together");
    }

    [Fact]
    public async Task Twenty_presses_at_once_after_the_last_concern_was_closed_make_exactly_one_new_concern()
    {
        var school = await app.NewSchoolAsync((Band.Y5, 1));
        var plan = school.Classes[0].Pupils[0];
        var child = await PupilAsync(app, plan);
        (await PressAsync(child, "first worry")).Status.ShouldBe(HttpStatusCode.OK);
        var first = (await ConcernsAboutAsync(app, school.Id, plan.Id)).Single();
        await using (var close = app.Store.LightweightSession(school.Id))
        {
            var lead = school.Adult(AdultRole.SafeguardingLead).Id;
            close.Events.Append(first.Id, new ConcernAcknowledged(first.Id, lead, DateTimeOffset.UtcNow), new ConcernClosed(first.Id, lead, "resolved-in-school", DateTimeOffset.UtcNow));
            await close.SaveChangesAsync();
        }

        // The child's window now points at a closed concern: every racing press wants to move it.
        var presses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => PressAsync(child, $"again {i}")));

        presses.ShouldAllBe(p => p.Status == HttpStatusCode.OK);
        var concerns = await ConcernsAboutAsync(app, school.Id, plan.Id);
        concerns.Count.ShouldBe(2, "the closed concern and exactly one new one");
        var fresh = concerns.Single(c => c.Id != first.Id);
        fresh.Presses.ShouldBe(20);
        (await TextsOfAsync(app, school.Id, fresh.Id)).Count.ShouldBe(20);
    }

    [Fact]
    public async Task Every_place_a_child_can_worry_says_the_same_honest_words_and_promises_no_secret()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var child = await PupilAsync(app, cls.Pupils[0]);
        var teacher = await AdultAsync(app, cls.Teacher);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", app.Catalogue().LessonsFor(Band.Y4).First().QuizId);

        var pages = new Dictionary<string, string>
        {
            ["the worried page"] = (await child.GetAsync("/pupil/worried")).Body,
            ["the thank-you"] = (await PressAsync(child)).Body,
            ["the live lesson"] = (await child.GetAsync($"/live/{sessionId}/pupil")).Body,
        };
        foreach (var (where, html) in pages)
        {
            var text = Decoded(html);
            text.ShouldContain(WhoWillSee.Text, Case.Sensitive, where);
            text.ShouldNotContain("Nobody else", Case.Insensitive, where);
            text.ShouldNotContain("Only your teacher", Case.Insensitive, where);
        }
        WhoWillSee.Text.Split('.', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 14,
            "short sentences a child can follow when read aloud");
    }
}
