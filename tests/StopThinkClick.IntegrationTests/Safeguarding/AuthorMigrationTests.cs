using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using static StopThinkClick.IntegrationTests.Safeguarding.SafeguardingKit;

namespace StopThinkClick.IntegrationTests.Safeguarding;

/// <summary>
/// Records written before authors were kept (a staff account stored with the pupil as author) are
/// put right by the app itself when it starts, and starting again changes nothing.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class AuthorMigrationTests(AppOnKestrel app)
{
    /// <summary>A second app process on the first one's database, as after an upgrade and restart.</summary>
    sealed class RestartedApp(string connectionString) : AppOnKestrel
    {
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
        protected override Task DropDatabaseAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task Concern_texts_stored_with_the_wrong_author_are_put_right_when_the_app_starts_and_only_once()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var cls = school.Classes[0];
        var (child, lead) = (cls.Pupils[0], school.Adult(AdultRole.SafeguardingLead));
        (await RecordAsync(await AdultAsync(app, cls.Teacher), child.Id, "Teacher's account m3.")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await PressAsync(await PupilAsync(app, child), "Child's words m3.")).Status.ShouldBe(HttpStatusCode.OK);
        var staffConcern = (await ConcernsAboutAsync(app, school.Id, child.Id)).Single(c => c.Source == ConcernSource.StaffRecord);
        var leadClient = await AdultAsync(app, lead);
        var url = $"/safeguarding/concerns/{staffConcern.Id}";
        (await leadClient.PostFormAsync(url, new Dictionary<string, string> { ["version"] = VersionOn((await leadClient.GetAsync(url)).Body), ["note"] = "Lead's note m3." },
            url + "?handler=Note")).Status.ShouldBe(HttpStatusCode.OK);

        // The old shape: no author field, and every text's author id is the pupil's.
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var rewind = new NpgsqlCommand(
                "update stc.mt_doc_concerntext set data = case when data ? 'authorId' " +
                "then jsonb_set(data - 'author', '{authorId}', to_jsonb(@pupil::text)) " +
                "else jsonb_set(data - 'Author', '{AuthorId}', to_jsonb(@pupil::text)) end where tenant_id = @school", connection);
            rewind.Parameters.AddWithValue("pupil", child.Id.ToString());
            rewind.Parameters.AddWithValue("school", school.Id);
            (await rewind.ExecuteNonQueryAsync()).ShouldBe(3);
        }
        var before = await AllTextsAsync(app.Store, school.Id);
        before.ShouldAllBe(t => t.Author == TextAuthor.Unknown && t.AuthorId == child.Id, "the old shape is in place before the restart");

        var restarted = new RestartedApp(app.ConnectionString);
        try
        {
            await ((IAsyncLifetime)restarted).InitializeAsync();
            var after = (await AllTextsAsync(restarted.Store, school.Id)).ToDictionary(t => t.Text);
            (after["Teacher's account m3."].Author, after["Teacher's account m3."].AuthorId).ShouldBe((TextAuthor.Staff, cls.Teacher.Id));
            (after["Lead's note m3."].Author, after["Lead's note m3."].AuthorId).ShouldBe((TextAuthor.Staff, lead.Id));
            (after["Child's words m3."].Author, after["Child's words m3."].AuthorId).ShouldBe((TextAuthor.Pupil, child.Id));

            (await restarted.Services.GetRequiredService<ConcernTextAuthorMigration>().RunAsync(default)).ShouldBe(0, "a second run finds nothing to change");
            (await AllTextsAsync(restarted.Store, school.Id)).ShouldBe(after.Values, ignoreOrder: true);
            Decoded((await leadClient.GetAsync(url)).Body).ShouldNotContain("The pupil's own words");
        }
        finally
        {
            await ((IAsyncLifetime)restarted).DisposeAsync();
        }
    }

    static async Task<IReadOnlyList<ConcernText>> AllTextsAsync(IDocumentStore store, string schoolId)
    {
        await using var session = store.QuerySession(schoolId);
        return await session.Query<ConcernText>().ToListAsync();
    }
}
