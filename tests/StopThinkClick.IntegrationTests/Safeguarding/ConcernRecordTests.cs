using System.Net;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using static StopThinkClick.IntegrationTests.Safeguarding.SafeguardingKit;

namespace StopThinkClick.IntegrationTests.Safeguarding;

/// <summary>
/// A concern's record is never misattributed, cut, lost or written into someone else's stream:
/// staff accounts are staff-written and outlive the child's erasure; text over a limit is refused
/// and handed back; stream ids are the server's; a change made on an old picture is refused.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class ConcernRecordTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_staff_account_is_shown_as_staff_written_and_survives_the_childs_erasure()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var child = cls.Pupils[0];
        var teacher = await AdultAsync(app, cls.Teacher);
        const string account = "Staff account qv7: the child showed me messages from an adult in a game.";
        (await RecordAsync(teacher, child.Id, account)).Status.ShouldBe(HttpStatusCode.Redirect);
        var concern = (await ConcernsAboutAsync(app, school.Id, child.Id)).ShouldHaveSingleItem();

        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        var page = await lead.GetAsync($"/safeguarding/concerns/{concern.Id}");
        var shown = Decoded(page.Body);
        shown.ShouldContain(account);
        shown.ShouldNotContain("The pupil's own words", Case.Sensitive, "a teacher's account is not the child's words");
        shown.ShouldContain($"Written by {cls.Teacher.DisplayName} (staff)");
        var text = (await TextsOfAsync(app, school.Id, concern.Id)).ShouldHaveSingleItem();
        (text.Author, text.AuthorId).ShouldBe((TextAuthor.Staff, cls.Teacher.Id));

        var version = VersionOn(page.Body);
        (await lead.PostFormAsync($"/safeguarding/concerns/{concern.Id}", new Dictionary<string, string> { ["version"] = version, ["action"] = "spoke-with-child", ["note"] = "Lead's note 4kd" },
            $"/safeguarding/concerns/{concern.Id}?handler=Action")).Status.ShouldBe(HttpStatusCode.OK);
        page = await lead.GetAsync($"/safeguarding/concerns/{concern.Id}");
        (await lead.PostFormAsync($"/safeguarding/concerns/{concern.Id}", new Dictionary<string, string> { ["version"] = VersionOn(page.Body), ["outcome"] = "resolved-in-school" },
            $"/safeguarding/concerns/{concern.Id}?handler=Close")).Status.ShouldBe(HttpStatusCode.OK);

        var admin = await AdultAsync(app, school.Adult(AdultRole.SchoolAdmin));
        var erased = await admin.PostFormAsync($"/admin/pupils/{child.Id}", new Dictionary<string, string> { ["confirm"] = child.FirstName }, $"/admin/pupils/{child.Id}?handler=Erase");
        erased.Status.ShouldBe(HttpStatusCode.OK, erased.Body);

        var kept = await TextsOfAsync(app, school.Id, concern.Id);
        kept.Select(t => t.Text).ShouldBe([account, "Lead's note 4kd"], ignoreOrder: true, "staff records of a concern are never erased with the child");
        kept.ShouldAllBe(t => t.Author == TextAuthor.Staff);
    }

    [Fact]
    public async Task Text_over_a_limit_is_refused_kindly_handed_back_and_never_cut()
    {
        var school = await app.NewSchoolAsync((Band.Y5, 2));
        var cls = school.Classes[0];
        var child = await PupilAsync(app, cls.Pupils[0]);

        var form = await child.GetAsync("/pupil/worried");
        form.Body.ShouldContain($"maxlength=\"{TextLimits.WorryWords}\"");
        form.Body.ShouldContain("up to 2,000 letters");
        var tooLong = "my words " + new string('w', 3_002);
        var refused = await PressAsync(child, tooLong);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("Your words are too long");
        refused.Body.ShouldContain(tooLong, Case.Sensitive, "what the child typed comes back to them");
        refused.Body.ShouldNotContain("Thank you for telling us");
        (await ConcernsAboutAsync(app, school.Id, cls.Pupils[0].Id)).ShouldBeEmpty();

        // Exactly at the limit as the browser counts it (a line break is one), though sent as CR LF.
        var atLimit = string.Concat(Enumerable.Repeat("abcd\r\n", TextLimits.WorryWords / 5)).TrimEnd();
        (await PressAsync(child, atLimit)).Body.ShouldContain("Thank you for telling us");
        var stored = (await TextsOfAsync(app, school.Id, (await ConcernsAboutAsync(app, school.Id, cls.Pupils[0].Id)).Single().Id)).Single();
        stored.Text.ShouldBe(atLimit.Replace("\r\n", "\n"), "stored whole, not cut");

        var teacher = await AdultAsync(app, cls.Teacher);
        var account = new string('t', TextLimits.ConcernDetails + 11);
        var notSent = await RecordAsync(teacher, cls.Pupils[1].Id, account);
        notSent.Status.ShouldBe(HttpStatusCode.BadRequest);
        notSent.Body.ShouldContain("the limit is 4,000");
        notSent.Body.ShouldContain(account, Case.Sensitive);
        notSent.Body.ShouldNotContain("Sent:");
        (await ConcernsAboutAsync(app, school.Id, cls.Pupils[1].Id)).ShouldBeEmpty();

        (await RecordAsync(teacher, cls.Pupils[1].Id, "A short account.")).Status.ShouldBe(HttpStatusCode.Redirect);
        var concern = (await ConcernsAboutAsync(app, school.Id, cls.Pupils[1].Id)).Single();
        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        var page = await lead.GetAsync($"/safeguarding/concerns/{concern.Id}");
        foreach (var (handler, note) in new[] { ("Note", new string('n', TextLimits.Note + 1)), ("Action", new string('a', 3_000_000)) })
        {
            var result = await lead.PostFormAsync($"/safeguarding/concerns/{concern.Id}",
                new Dictionary<string, string> { ["version"] = VersionOn(page.Body), ["action"] = "ceop", ["note"] = note }, $"/safeguarding/concerns/{concern.Id}?handler={handler}");
            result.Status.ShouldBe(HttpStatusCode.BadRequest, handler);
            result.Body.ShouldContain("too long");
            result.Body.ShouldContain(note, Case.Sensitive, "the lead's words are handed back");
        }
        (await TextsOfAsync(app, school.Id, concern.Id)).ShouldHaveSingleItem("neither the long note nor the 3 MB action note was stored");
        await using var session = app.Store.QuerySession(school.Id);
        (await session.Events.FetchStreamAsync(concern.Id)).Select(e => e.Data).OfType<ConcernActionRecorded>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_concern_id_sent_by_a_device_or_a_form_never_becomes_a_stream_id()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var cls = school.Classes[0];
        var plan = cls.Pupils[0];
        var child = await PupilAsync(app, plan);
        await child.PostFormAsync($"/pupil/lessons/{app.Catalogue().LessonsFor(Band.Y3).First().Id}", new Dictionary<string, string>());

        var told = await PressAsync(child, "words for the lead", id: plan.Id); // the child's own stream id
        told.Status.ShouldBe(HttpStatusCode.OK, told.Body);
        told.Body.ShouldContain("Thank you for telling us");
        var concern = (await ConcernsAboutAsync(app, school.Id, plan.Id)).ShouldHaveSingleItem();
        concern.Id.ShouldNotBe(plan.Id);

        var teacher = await AdultAsync(app, cls.Teacher);
        (await RecordAsync(teacher, cls.Pupils[1].Id, "An account.", proposedId: concern.Id)).Status.ShouldBe(HttpStatusCode.Redirect);
        var other = (await ConcernsAboutAsync(app, school.Id, cls.Pupils[1].Id)).ShouldHaveSingleItem();
        other.Id.ShouldNotBe(concern.Id);

        await using var session = app.Store.QuerySession(school.Id);
        (await session.Events.FetchStreamAsync(plan.Id)).Select(e => e.EventTypeName).ShouldNotContain(n => n.Contains("concern"));
        (await session.Events.FetchStreamAsync(concern.Id)).Count.ShouldBe(1, "the first concern's stream was not written to by the second");
        var admin = await AdultAsync(app, school.Adult(AdultRole.SchoolAdmin));
        var export = await admin.GetAsync($"/admin/pupils/{plan.Id}?handler=Export");
        export.Body.ShouldNotContain("concern", Case.Insensitive, "the subject-access export holds no safeguarding record");
    }

    [Fact]
    public async Task A_change_decided_on_an_old_picture_of_the_concern_is_refused_and_the_words_kept()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 1));
        var cls = school.Classes[0];
        var teacher = await AdultAsync(app, cls.Teacher);
        (await RecordAsync(teacher, cls.Pupils[0].Id, "An account.")).Status.ShouldBe(HttpStatusCode.Redirect);
        var concern = (await ConcernsAboutAsync(app, school.Id, cls.Pupils[0].Id)).Single();
        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        var colleague = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead)); // another tab, or the deputy
        var url = $"/safeguarding/concerns/{concern.Id}";

        var leadsPicture = VersionOn((await lead.GetAsync(url)).Body);
        var theirs = await colleague.GetAsync(url); // a mere look since: does not block the lead
        var noted = await lead.PostFormAsync(url, new Dictionary<string, string> { ["version"] = leadsPicture, ["note"] = "First note." }, url + "?handler=Note");
        noted.Status.ShouldBe(HttpStatusCode.OK, noted.Body);

        var acknowledged = await colleague.PostFormAsync(url, new Dictionary<string, string> { ["version"] = VersionOn(theirs.Body) }, url + "?handler=Acknowledge");
        acknowledged.Status.ShouldBe(HttpStatusCode.BadRequest, "the colleague decided on a concern without the lead's note");
        acknowledged.Body.ShouldContain("someone else changed this concern");
        acknowledged.Body.ShouldContain("First note.", Case.Sensitive, "the refusal shows the concern as it is now");

        var stale = await lead.PostFormAsync(url, new Dictionary<string, string> { ["version"] = leadsPicture, ["note"] = "Kept words z81." }, url + "?handler=Note");
        stale.Status.ShouldBe(HttpStatusCode.BadRequest);
        stale.Body.ShouldContain("Kept words z81.");
        (await TextsOfAsync(app, school.Id, concern.Id)).Select(t => t.Text).ShouldNotContain("Kept words z81.");
    }
}
