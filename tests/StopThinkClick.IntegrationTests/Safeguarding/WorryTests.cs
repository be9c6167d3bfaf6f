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
    public async Task A_resent_press_keeps_words_the_first_send_did_not_bring_and_stores_the_same_words_once()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var plan = school.Classes[0].Pupils[0];
        var child = await PupilAsync(app, plan);
        var press = Guid.CreateVersion7();

        // The child sends without words, goes back to the form (same press id), types and sends again;
        // then the tablet retries that send on flaky Wi-Fi.
        (await PressAsync(child, null, press)).Status.ShouldBe(HttpStatusCode.OK);
        var resent = await PressAsync(child, "someone keeps messaging me", press);
        var retried = await PressAsync(child, "someone keeps messaging me", press);

        resent.Body.ShouldContain("Thank you for telling us");
        retried.Body.ShouldContain("Thank you for telling us");
        var concern = (await ConcernsAboutAsync(app, school.Id, plan.Id)).ShouldHaveSingleItem();
        concern.Presses.ShouldBe(1, "one press, sent three times");
        var texts = await TextsOfAsync(app, school.Id, concern.Id);
        texts.Select(t => t.Text).ShouldBe(["someone keeps messaging me"], "the words are kept, once");
        texts.ShouldAllBe(t => t.Author == TextAuthor.Pupil && t.AuthorId == plan.Id);
    }

    [Fact]
    public async Task Eight_resends_at_once_of_one_press_with_words_store_the_words_once()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var plan = school.Classes[0].Pupils[0];
        var child = await PupilAsync(app, plan);
        var press = Guid.CreateVersion7();
        (await PressAsync(child, null, press)).Status.ShouldBe(HttpStatusCode.OK);

        var resends = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PressAsync(child, "it happened again", press)));

        resends.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        var concern = (await ConcernsAboutAsync(app, school.Id, plan.Id)).ShouldHaveSingleItem();
        (await TextsOfAsync(app, school.Id, concern.Id)).Select(t => t.Text).ShouldBe(["it happened again"]);
    }

    /// <summary>The back button must not bring back a used worry form (its press id) or a thank-you from the browser's store.</summary>
    [Fact]
    public async Task Worry_pages_are_never_kept_by_the_browser()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 1));
        var cls = school.Classes[0];
        var child = await PupilAsync(app, cls.Pupils[0]);
        var teacher = await AdultAsync(app, cls.Teacher);
        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", app.Catalogue().LessonsFor(Band.Y4).First().QuizId);
        (await PressAsync(child, "words")).Status.ShouldBe(HttpStatusCode.OK);
        var concern = (await ConcernsAboutAsync(app, school.Id, cls.Pupils[0].Id)).Single();

        var pages = new (FormClient Who, HttpMethod Method, string Path)[]
        {
            (child, HttpMethod.Get, "/pupil/worried"), (child, HttpMethod.Get, $"/live/{sessionId}/pupil"),
            (lead, HttpMethod.Get, "/safeguarding"), (lead, HttpMethod.Get, $"/safeguarding/concerns/{concern.Id}"),
        };
        foreach (var (who, method, path) in pages)
        {
            using var response = await who.Http.SendAsync(new HttpRequestMessage(method, path));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Headers.CacheControl?.NoStore.ShouldBe(true, path);
        }
        // The thank-you itself (the answer to the form's POST).
        var token = FormClient.TokenOf((await child.GetAsync("/pupil/worried")).Body)!;
        using var told = await child.Http.PostAsync("/pupil/worried", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["pressId"] = Guid.CreateVersion7().ToString(), ["__RequestVerificationToken"] = token,
        }));
        (await told.Content.ReadAsStringAsync()).ShouldContain("Thank you for telling us");
        told.Headers.CacheControl?.NoStore.ShouldBe(true, "the thank-you");
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
