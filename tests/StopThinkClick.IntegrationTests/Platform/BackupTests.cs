using Npgsql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>A backup restored into an empty database holds every event and document, byte for byte.</summary>
[Collection(nameof(AppCollection))]
public sealed class BackupTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_keeps_every_event_and_document()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 4));
        await using (var session = app.Store.LightweightSession(school.Id))
        {
            foreach (var pupil in school.Pupils)
                session.Events.Append(pupil.Id, new LessonStarted(pupil.Id, "some-lesson", DateTimeOffset.UtcNow), new LessonStepViewed(pupil.Id, "some-lesson", 2, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        var file = Path.Combine(Path.GetTempPath(), $"stc-backup-{Guid.NewGuid():N}.dump");
        var empty = await TestPostgres.CreateDatabaseAsync("restore");
        try
        {
            await Backups.BackupAsync(app.ConnectionString, file);
            new FileInfo(file).Length.ShouldBeGreaterThan(0);
            await Backups.RestoreAsync(TestPostgres.ConnectionString(empty), file);

            var before = await FingerprintAsync(app.ConnectionString);
            var after = await FingerprintAsync(TestPostgres.ConnectionString(empty));
            before.Keys.ShouldContain("mt_events");
            before.Keys.ShouldContain("mt_doc_pupil");
            after.ShouldBe(before);

            var again = await Should.ThrowAsync<InvalidOperationException>(() => Backups.RestoreAsync(TestPostgres.ConnectionString(empty), file));
            again.Message.ShouldContain("is not empty");
        }
        finally
        {
            File.Delete(file);
            await TestPostgres.DropAsync(empty);
        }
    }

    /// <summary>For every table of the schema: its row count and a hash of all its rows in order.</summary>
    static async Task<Dictionary<string, string>> FingerprintAsync(string connectionString)
    {
        var result = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'stc' and table_type = 'BASE TABLE' order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand($"select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from stc.\"{table}\" t", connection);
            result[table] = (string)(await hash.ExecuteScalarAsync())!;
        }
        return result;
    }
}
