using System.Net;
using Marten;
using Npgsql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using static StopThinkClick.IntegrationTests.Safeguarding.SafeguardingKit;

namespace StopThinkClick.IntegrationTests.Safeguarding;

/// <summary>
/// The end of the year: the lead prints each leaver's safeguarding file for the next school, then
/// erases the leavers' learning data in one go. Afterwards no event stream or event outside the
/// safeguarding record holds a leaver's id, and every concern — with the staff accounts — is kept.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class LeaversTests(AppOnKestrel app)
{
    [Fact]
    public async Task Leavers_files_are_printed_whole_then_learning_data_is_erased_in_bulk_leaving_no_pupil_id_in_any_stream()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 3));
        var cls = school.Classes[0];
        var (withFile, noConcerns, notPrinted) = (cls.Pupils[0], cls.Pupils[1], cls.Pupils[2]);
        var lesson = app.Catalogue().LessonsFor(Band.Y6).First();
        foreach (var p in cls.Pupils)
        {
            var child = await PupilAsync(app, p);
            await child.PostFormAsync($"/pupil/lessons/{lesson.Id}", new Dictionary<string, string>());
        }
        (await PressAsync(await PupilAsync(app, withFile), "Leaver's own words l6.")).Status.ShouldBe(HttpStatusCode.OK);
        var teacher = await AdultAsync(app, cls.Teacher);
        (await RecordAsync(teacher, withFile.Id, "Teacher's account l6.")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await RecordAsync(teacher, notPrinted.Id, "Another account l6.")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await StreamRowsAsync(withFile.Id)).ShouldBeGreaterThan(0, "the leaver has a learning stream before, or the test proves nothing");

        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        var list = Decoded((await lead.GetAsync($"/safeguarding/leavers?classId={cls.Id}")).Body);
        list.ShouldContain("not printed yet");
        var file = Decoded((await lead.GetAsync($"/safeguarding/pupils/{withFile.Id}/file")).Body);
        file.ShouldContain(withFile.DisplayName);
        file.ShouldContain("Leaver's own words l6.");
        file.ShouldContain("The pupil's own words");
        file.ShouldContain("Teacher's account l6.");
        file.ShouldContain($"Written by {cls.Teacher.DisplayName} (staff)");
        file.ShouldContain("2 concern(s)");

        // One request for the whole class, as the page's ticked boxes send it.
        var page = await lead.GetAsync($"/safeguarding/leavers?classId={cls.Id}");
        using var response = await lead.Http.PostAsync("/safeguarding/leavers?handler=Erase", new FormUrlEncodedContent([
            new("__RequestVerificationToken", FormClient.TokenOf(page.Body)!), new("classId", cls.Id.ToString()), new("confirm", cls.Name),
            new("pupilIds", withFile.Id.ToString()), new("pupilIds", noConcerns.Id.ToString()), new("pupilIds", notPrinted.Id.ToString())]));
        var done = Decoded(await response.Content.ReadAsStringAsync());
        done.ShouldContain("2 leaver(s)' learning data erased; their safeguarding records are kept.");
        done.ShouldContain($"Not erased until their safeguarding file is printed: {notPrinted.DisplayName}");

        await using var session = app.Store.QuerySession(school.Id);
        foreach (var gone in new[] { withFile, noConcerns })
        {
            (await session.LoadAsync<Pupil>(gone.Id))!.Erased.ShouldBeTrue();
            (await StreamRowsAsync(gone.Id)).ShouldBe(0, "the leaver's own stream and its events are deleted, not archived");
            (await EventsNamingAsync(gone.Id)).ShouldBe(0, "no event outside the safeguarding record names the leaver");
        }
        (await session.LoadAsync<Pupil>(notPrinted.Id))!.Erased.ShouldBeFalse();
        (await StreamRowsAsync(notPrinted.Id)).ShouldBeGreaterThan(0);

        var concerns = await ConcernsAboutAsync(app, school.Id, withFile.Id);
        concerns.Count.ShouldBe(2, "concerns are never erased with learning data");
        var kept = await session.Query<ConcernText>().Where(t => t.AuthorId == cls.Teacher.Id).ToListAsync();
        kept.Select(t => t.Text).ShouldContain("Teacher's account l6.");
        var records = await session.Query<AccessRecord>().Where(r => r.PupilId == withFile.Id || r.PupilId == noConcerns.Id).ToListAsync();
        records.Count(r => r.What == AccessKind.LeaversErasure).ShouldBe(2);
        records.Count(r => r.What == AccessKind.SafeguardingFile).ShouldBe(1);
    }

    /// <summary>
    /// A file printed in March says nothing of a worry in June: the erasure waits for a print that
    /// post-dates the child's latest concern, and an open concern keeps the child's own words.
    /// </summary>
    [Fact]
    public async Task A_worry_after_the_file_was_printed_stops_erasure_until_it_is_printed_again_and_the_open_concern_keeps_the_childs_words()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 1));
        var cls = school.Classes[0];
        var child = cls.Pupils[0];
        var lead = await AdultAsync(app, school.Adult(AdultRole.SafeguardingLead));
        (await PressAsync(await PupilAsync(app, child), "First worry e1.")).Status.ShouldBe(HttpStatusCode.OK);
        (await lead.GetAsync($"/safeguarding/pupils/{child.Id}/file")).Status.ShouldBe(HttpStatusCode.OK);
        // The child presses again after the print (the concern is still open).
        await using (var write = app.Store.LightweightSession(school.Id))
        {
            var concern = await write.Query<Concern>().SingleAsync(c => c.PupilId == child.Id);
            write.Events.Append(concern.Id, new WorryRepeated(concern.Id, child.Id, Guid.CreateVersion7(), concern.Topic, concern.Source, null, false, DateTimeOffset.UtcNow));
            await write.SaveChangesAsync();
        }

        async Task<string> EraseAsync()
        {
            var page = await lead.GetAsync($"/safeguarding/leavers?classId={cls.Id}");
            using var response = await lead.Http.PostAsync("/safeguarding/leavers?handler=Erase", new FormUrlEncodedContent([
                new("__RequestVerificationToken", FormClient.TokenOf(page.Body)!), new("classId", cls.Id.ToString()), new("confirm", cls.Name),
                new("pupilIds", child.Id.ToString())]));
            return Decoded(await response.Content.ReadAsStringAsync());
        }

        (await EraseAsync()).ShouldContain($"Not erased until their safeguarding file is printed: {child.DisplayName}");
        await using (var query = app.Store.QuerySession(school.Id))
            (await query.LoadAsync<Pupil>(child.Id))!.Erased.ShouldBeFalse("the printed file predates the newest worry");

        (await lead.GetAsync($"/safeguarding/pupils/{child.Id}/file")).Status.ShouldBe(HttpStatusCode.OK);
        (await EraseAsync()).ShouldContain("1 leaver(s)' learning data erased");
        await using var session = app.Store.QuerySession(school.Id);
        (await session.LoadAsync<Pupil>(child.Id))!.Erased.ShouldBeTrue();
        (await session.Query<ConcernText>().Where(t => t.AuthorId == child.Id).ToListAsync()).Select(t => t.Text)
            .ShouldContain("First worry e1.", "an open concern keeps the child's own words");
    }

    async Task<long> StreamRowsAsync(Guid id) => await CountAsync(
        "select (select count(*) from stc.mt_streams where id = @id) + (select count(*) from stc.mt_events where stream_id = @id)", id);

    async Task<long> EventsNamingAsync(Guid id) => await CountAsync(
        "select count(*) from stc.mt_events e join stc.mt_streams s on s.id = e.stream_id and s.tenant_id = e.tenant_id " +
        "where e.data::text ilike '%' || @id::text || '%' and coalesce(s.type, '') not ilike '%concern%'", id);

    async Task<long> CountAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
