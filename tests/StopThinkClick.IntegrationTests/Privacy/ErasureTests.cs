using System.Net;
using Marten;
using Npgsql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Privacy;

/// <summary>
/// Erasing a pupil who left: afterwards no table holds their name, their words or their signature,
/// no event outside the safeguarding record holds their id, and the anonymous counts remain.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class ErasureTests(AppOnKestrel app)
{
    const string First = "Zephyrine";
    const string Words = "secret words zx9q about a game";

    [Fact]
    public async Task An_erased_pupil_leaves_no_personal_field_in_any_table_and_counts_remain()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 3));
        var cls = school.Classes[0];
        var plan = cls.Pupils[0];
        await using (var rename = app.Store.LightweightSession(school.Id))
        {
            var doc = (await rename.LoadAsync<Pupil>(plan.Id))!;
            rename.Store(doc with { FirstName = First, LastInitial = "Q" });
            await rename.SaveChangesAsync();
        }
        var pupil = FormClient.For(app);
        await pupil.SignInPupilAsync(plan.CardSecret);
        var lesson = app.Catalogue().LessonsFor(Band.Y4).First();
        await pupil.PostFormAsync($"/pupil/lessons/{lesson.Id}", new Dictionary<string, string>());
        var page = await pupil.GetAsync("/pupil/worried");
        var pressId = System.Text.RegularExpressions.Regex.Match(page.Body, "name=\"pressId\" value=\"([^\"]+)\"").Groups[1].Value;
        await pupil.PostFormAsync("/pupil/worried", new Dictionary<string, string> { ["pressId"] = pressId, ["words"] = Words });
        Guid concernId;
        await using (var find = app.Store.QuerySession(school.Id)) concernId = (await find.Query<Concern>().SingleAsync(c => c.PupilId == plan.Id)).Id;

        // A live quiz and the promise ceremony, where the pupil answers and signs with their name.
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var quiz = app.Catalogue().Quiz(lesson.QuizId)!;
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        await using var tablet = await LiveClient.ConnectAsync(app.BaseUrl, pupil.Cookies);
        await using var other = await LiveTestKit.PupilAsync(app.BaseUrl, app, cls.Pupils[1], sessionId);
        (await tablet.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
        (await tablet.SendAsync<Ack>("Answer", sessionId, Guid.NewGuid(), quiz.Questions[0].Id, LiveTestKit.Answer(quiz.Questions[0], true), 0L)).Ok.ShouldBeTrue();
        (await other.SendAsync<Ack>("Answer", sessionId, Guid.NewGuid(), quiz.Questions[0].Id, LiveTestKit.Answer(quiz.Questions[0], false), 0L)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();
        var aup = app.Catalogue().PupilAupFor(Band.Y4)!;
        var ceremony = await LiveTestKit.StartAsync(teacher, cls.Id, "Ceremony", aup.Id);
        (await console.SendAsync<JoinState>("Watch", ceremony, "console")).Ok.ShouldBeTrue();
        (await tablet.SendAsync<JoinState>("Join", ceremony)).Ok.ShouldBeTrue();
        foreach (var promise in aup.Promises)
        {
            (await console.SendAsync<Ack>("Next", ceremony)).Ok.ShouldBeTrue();
            (await tablet.SendAsync<Ack>("Affirm", ceremony, promise.Id)).Ok.ShouldBeTrue();
        }
        (await console.SendAsync<Ack>("Next", ceremony)).Ok.ShouldBeTrue();
        (await tablet.SendAsync<Ack>("Sign", ceremony, Guid.NewGuid(), $"{First} Q", null)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("Witness", ceremony)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("End", ceremony)).Ok.ShouldBeTrue();
        (await CountTablesContainingAsync(First)).ShouldBeGreaterThan(0, "the marker must be there before erasure, or the test proves nothing");

        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var export = await admin.GetAsync($"/admin/pupils/{plan.Id}?handler=Export");
        export.Status.ShouldBe(HttpStatusCode.OK);
        export.Body.ShouldContain(First);
        export.Body.ShouldContain("lesson_started", Case.Sensitive, "the export carries the pupil's events");
        export.Body.ShouldNotContain(Words, Case.Sensitive, "safeguarding records stay with the lead");

        var refused = await admin.PostFormAsync($"/admin/pupils/{plan.Id}", new Dictionary<string, string> { ["confirm"] = First }, $"/admin/pupils/{plan.Id}?handler=Erase");
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("open safeguarding concerns");
        await using (var close = app.Store.LightweightSession(school.Id))
        {
            var lead = school.Adult(AdultRole.SafeguardingLead).Id;
            close.Events.Append(concernId, new ConcernAcknowledged(concernId, lead, DateTimeOffset.UtcNow),
                new ConcernActionRecorded(concernId, "spoke-with-child", lead, DateTimeOffset.UtcNow),
                new ConcernClosed(concernId, lead, "resolved-in-school", DateTimeOffset.UtcNow));
            await close.SaveChangesAsync();
        }

        var erased = await admin.PostFormAsync($"/admin/pupils/{plan.Id}", new Dictionary<string, string> { ["confirm"] = First.ToLowerInvariant() }, $"/admin/pupils/{plan.Id}?handler=Erase");
        erased.Status.ShouldBe(HttpStatusCode.OK, erased.Body);
        erased.Body.ShouldContain("data is erased");

        (await TablesContainingAsync(First)).ShouldBeEmpty();
        (await TablesContainingAsync("zx9q")).ShouldBeEmpty();
        (await EventsNamingAsync(plan.Id)).ShouldBe(0, "no event outside the safeguarding record still names the pupil");
        (await FormClient.For(app).GetAsync($"/card/{plan.CardSecret}")).Status.ShouldBe(HttpStatusCode.NotFound);

        await using var query = app.Store.QuerySession(school.Id);
        var summary = (await query.LoadAsync<LiveSessionSummary>(sessionId))!;
        summary.Participants.Count.ShouldBe(2, "the class's counts remain");
        summary.Participants.ShouldNotContain(plan.Id);
        summary.Questions[0].Answered.ShouldBe(2);
        var roster = await teacher.GetAsync($"/teacher/classes/{cls.Id}");
        roster.Body.ShouldNotContain(First);
    }

    async Task<IReadOnlyList<string>> TablesContainingAsync(string text)
    {
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'stc' and table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from stc.\"{table}\" t where t::text ilike @text", connection);
            count.Parameters.AddWithValue("text", $"%{text}%");
            if ((long)(await count.ExecuteScalarAsync())! > 0) found.Add(table);
        }
        return found;
    }

    async Task<int> CountTablesContainingAsync(string text) => (await TablesContainingAsync(text)).Count;

    async Task<long> EventsNamingAsync(Guid pupilId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from stc.mt_events e join stc.mt_streams s on s.id = e.stream_id and s.tenant_id = e.tenant_id " +
            "where e.data::text ilike @id and coalesce(s.type, '') not ilike '%concern%'", connection);
        count.Parameters.AddWithValue("id", $"%{pupilId}%");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
