using System.Net;
using System.Text.RegularExpressions;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Schools;
using static StopThinkClick.IntegrationTests.Safeguarding.SafeguardingKit;

namespace StopThinkClick.IntegrationTests.Safeguarding;

/// <summary>
/// Accountability a data-protection officer asks for: every look at safeguarding data, every export
/// and every erasure leaves a record the safeguarding lead can read; worried children's names reach
/// only the leads and the teacher who ran the lesson.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed partial class AccessRecordTests(AppOnKestrel app)
{
    [Fact]
    public async Task Every_look_at_safeguarding_data_is_recorded_and_worried_names_reach_only_the_lead_and_the_sessions_teacher()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var worried = cls.Pupils[0];
        var teacher = await AdultAsync(app, cls.Teacher);
        var quiz = app.Catalogue().LessonsFor(Band.Y4).First().QuizId;
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz);
        await using (var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies))
        await using (var tablet = await LiveTestKit.PupilAsync(app.BaseUrl, app, worried, sessionId))
        {
            (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
            (await tablet.SendAsync<Ack>("Worry", sessionId, Guid.CreateVersion7())).Ok.ShouldBeTrue();
            (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();
        }

        WorryLine((await teacher.GetAsync($"/live/{sessionId}/summary")).Body).ShouldContain(worried.DisplayName, Case.Sensitive, "the teacher who ran it checks in with the child");
        var admin = await AdultAsync(app, school.Adult(AdultRole.SchoolAdmin));
        var adminLine = WorryLine((await admin.GetAsync($"/live/{sessionId}/summary")).Body);
        adminLine.ShouldContain("Worries raised:");
        adminLine.ShouldNotContain(worried.FirstName, Case.Sensitive, "the school admin is not told who worried");

        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        (await lead.GetAsync("/safeguarding")).Status.ShouldBe(HttpStatusCode.OK);
        var concern = (await ConcernsAboutAsync(app, school.Id, worried.Id)).ShouldHaveSingleItem();
        (await lead.GetAsync($"/safeguarding/concerns/{concern.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await lead.GetAsync($"/safeguarding/pupils/{worried.Id}/file")).Status.ShouldBe(HttpStatusCode.OK);

        await using (var session = app.Store.QuerySession(school.Id))
        {
            var records = await session.Query<AccessRecord>().ToListAsync();
            records.Select(r => (r.What, r.PersonId)).ShouldBe([
                (AccessKind.LiveWorryLine, cls.Teacher.Id), (AccessKind.LiveWorryLine, school.Adult(AdultRole.SchoolAdmin).Id),
                (AccessKind.ConcernList, school.Adult(AdultRole.SafeguardingLead).Id), (AccessKind.Concern, school.Adult(AdultRole.SafeguardingLead).Id),
                (AccessKind.SafeguardingFile, school.Adult(AdultRole.SafeguardingLead).Id)], ignoreOrder: true);
            records.Single(r => r.What == AccessKind.Concern).ConcernId.ShouldBe(concern.Id);
            records.Where(r => r.What == AccessKind.LiveWorryLine).ShouldAllBe(r => r.SessionId == sessionId);
        }

        var log = Decoded((await lead.GetAsync("/safeguarding/access")).Body);
        foreach (var what in new[] { "Opened the concern log", "Opened a concern", "Printed a child's safeguarding file", "Saw the worries line of a live-lesson summary" })
            log.ShouldContain(what);
        log.ShouldContain(cls.Teacher.DisplayName);
        log.ShouldContain(school.Adult(AdultRole.SchoolAdmin).DisplayName);
        (await teacher.GetAsync("/safeguarding/access")).Status.ShouldNotBe(HttpStatusCode.OK, "only the safeguarding leads read the record");
    }

    [Fact]
    public async Task A_teacher_opening_the_concerns_they_raised_is_recorded_too()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 1));
        var cls = school.Classes[0];
        var teacher = await AdultAsync(app, cls.Teacher);
        (await RecordAsync(teacher, cls.Pupils[0].Id, "What I saw a1.")).Status.ShouldBe(HttpStatusCode.Redirect);

        (await teacher.GetAsync("/concerns")).Body.ShouldContain(cls.Pupils[0].FirstName);

        await using var session = app.Store.QuerySession(school.Id);
        (await session.Query<AccessRecord>().Where(r => r.PersonId == cls.Teacher.Id && r.What == AccessKind.ConcernList).CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Exports_and_erasures_are_recorded_and_the_export_holds_what_the_child_did_in_live_sessions()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 2));
        var cls = school.Classes[0];
        var child = cls.Pupils[0];
        var teacher = await AdultAsync(app, cls.Teacher);
        await using var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);

        var aup = app.Catalogue().PupilAupFor(Band.Y4)!;
        var ceremony = await LiveTestKit.StartAsync(teacher, cls.Id, "Ceremony", aup.Id);
        (await console.SendAsync<JoinState>("Watch", ceremony, "console")).Ok.ShouldBeTrue();
        await using (var tablet = await LiveTestKit.PupilAsync(app.BaseUrl, app, child, ceremony))
        {
            (await console.SendAsync<Ack>("Next", ceremony)).Ok.ShouldBeTrue();
            (await tablet.SendAsync<Ack>("Affirm", ceremony, aup.Promises[0].Id)).Ok.ShouldBeTrue();
            (await tablet.SendAsync<Ack>("AskMeaning", ceremony, aup.Promises[0].Id)).Ok.ShouldBeTrue();
            (await console.SendAsync<Ack>("End", ceremony)).Ok.ShouldBeTrue();
        }
        var story = app.Catalogue().ScenariosFor(Band.Y4).First();
        var storyId = await LiveTestKit.StartAsync(teacher, cls.Id, "Scenario", story.Id);
        (await console.SendAsync<JoinState>("Watch", storyId, "console")).Ok.ShouldBeTrue();
        await using (var tablet = await LiveTestKit.PupilAsync(app.BaseUrl, app, child, storyId))
        {
            (await console.SendAsync<Ack>("Next", storyId)).Ok.ShouldBeTrue();
            (await console.SendAsync<Ack>("OpenVote", storyId)).Ok.ShouldBeTrue();
            (await tablet.SendAsync<Ack>("Vote", storyId, Guid.CreateVersion7(), story.StartSceneId, story.Start.Choices[0].Id)).Ok.ShouldBeTrue();
            (await tablet.SendAsync<Ack>("Worry", storyId, Guid.CreateVersion7())).Ok.ShouldBeTrue();
            (await console.SendAsync<Ack>("End", storyId)).Ok.ShouldBeTrue();
        }

        var admin = await AdultAsync(app, school.Adult(AdultRole.SchoolAdmin));
        var export = await admin.GetAsync($"/admin/pupils/{child.Id}?handler=Export");
        export.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var type in new[] { "promise_affirmed", "meaning_asked", "vote_cast", "pupil_joined" })
            export.Body.ShouldContain($"\"{type}\"", Case.Sensitive, $"the export holds the child's {type} from the live session's stream");
        export.Body.ShouldContain(aup.Promises[0].Id);
        export.Body.ShouldNotContain("worry_raised", Case.Sensitive, "a worry is a safeguarding record, kept by the lead");
        export.Body.ShouldNotContain(cls.Pupils[1].Id.ToString(), Case.Sensitive, "another child's doings are not in this child's export");

        await using (var close = app.Store.LightweightSession(school.Id))
        {
            var lead = school.Adult(AdultRole.SafeguardingLead).Id;
            var concern = (await ConcernsAboutAsync(app, school.Id, child.Id)).Single().Id;
            close.Events.Append(concern, new StopThinkClick.Web.Safeguarding.Concerns.ConcernAcknowledged(concern, lead, DateTimeOffset.UtcNow),
                new StopThinkClick.Web.Safeguarding.Concerns.ConcernClosed(concern, lead, "no-further-action", DateTimeOffset.UtcNow));
            await close.SaveChangesAsync();
        }
        var erased = await admin.PostFormAsync($"/admin/pupils/{child.Id}", new Dictionary<string, string> { ["confirm"] = child.FirstName }, $"/admin/pupils/{child.Id}?handler=Erase");
        erased.Status.ShouldBe(HttpStatusCode.OK, erased.Body);

        await using var session = app.Store.QuerySession(school.Id);
        var records = await session.Query<AccessRecord>().Where(r => r.PupilId == child.Id).ToListAsync();
        records.Select(r => (r.What, r.PersonId)).ShouldBe([(AccessKind.SubjectAccessExport, school.Adult(AdultRole.SchoolAdmin).Id), (AccessKind.Erasure, school.Adult(AdultRole.SchoolAdmin).Id)], ignoreOrder: true);
        records.ShouldAllBe(r => !r.Detail.Contains(child.FirstName), "the record of an erasure does not keep the name it erased");
        var lead2 = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        var log = Decoded((await lead2.GetAsync("/safeguarding/access")).Body);
        log.ShouldContain("Downloaded a child's data (subject access)");
        log.ShouldContain("Erased a child's data");
    }

    static string WorryLine(string html) => Decoded(WorryLineHtml().Match(html) is { Success: true } m ? m.Value : "");

    [GeneratedRegex("<div class=\"message warn\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex WorryLineHtml();
}
