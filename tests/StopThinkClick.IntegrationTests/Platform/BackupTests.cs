using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Npgsql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>
/// Backups are encrypted to the school's age key; a backup restored with that key into an empty
/// database holds every event and document, byte for byte; any other key restores nothing and says why.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class BackupTests(AppOnKestrel app) : IDisposable
{
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("stc-backup-test-");

    [Fact]
    public async Task An_encrypted_backup_restored_with_the_schools_key_keeps_every_event_and_document()
    {
        var school = await SchoolWithEventsAsync();
        var (key, publicKey) = NewKey("school");
        var file = Path.Combine(folder.FullName, "nightly.age");
        var empty = await TestPostgres.CreateDatabaseAsync("restore");
        try
        {
            (await BackupCommand.RunAsync(["backup", file, "--to", publicKey], Settings(app.ConnectionString))).ShouldBe(0);
            var bytes = await File.ReadAllBytesAsync(file);
            Encoding.ASCII.GetString(bytes, 0, 21).ShouldBe("age-encryption.org/v1");
            Encoding.UTF8.GetString(bytes).ShouldNotContain("PGDMP");
            Encoding.UTF8.GetString(bytes).ShouldNotContain(school.Pupils.First().FirstName);
            File.Exists(file + ".partial").ShouldBeFalse();

            (await BackupCommand.RunAsync(["restore", file, "--key", key], Settings(TestPostgres.ConnectionString(empty)))).ShouldBe(0);

            var before = await FingerprintAsync(app.ConnectionString);
            var after = await FingerprintAsync(TestPostgres.ConnectionString(empty));
            before.Keys.ShouldContain("mt_events");
            before.Keys.ShouldContain("mt_doc_pupil");
            after.ShouldBe(before);

            var again = await Should.ThrowAsync<InvalidOperationException>(() => Backups.RestoreAsync(TestPostgres.ConnectionString(empty), file, key));
            again.Message.ShouldContain("is not empty");
        }
        finally
        {
            await TestPostgres.DropAsync(empty);
        }
    }

    [Fact]
    public async Task A_backup_opened_with_the_wrong_key_restores_nothing_and_says_which_key_to_use()
    {
        await SchoolWithEventsAsync();
        var (_, publicKey) = NewKey("school");
        var (otherKey, _) = NewKey("someone-else");
        var file = Path.Combine(folder.FullName, "nightly.age");
        var empty = await TestPostgres.CreateDatabaseAsync("wrongkey");
        try
        {
            await Backups.BackupAsync(app.ConnectionString, file, [publicKey]);

            var wrong = await Should.ThrowAsync<InvalidOperationException>(() => Backups.RestoreAsync(TestPostgres.ConnectionString(empty), file, otherKey));
            wrong.Message.ShouldBe($"The key in {otherKey} does not open nightly.age: the backup was encrypted for a different key. Use the school's backup key that was in use when it was made. Nothing was restored.");
            var none = await Should.ThrowAsync<InvalidOperationException>(() => Backups.RestoreAsync(TestPostgres.ConnectionString(empty), file, null));
            none.Message.ShouldContain("--key");
            (await TablesAsync(TestPostgres.ConnectionString(empty))).ShouldBe(0);
        }
        finally
        {
            await TestPostgres.DropAsync(empty);
        }
    }

    [Fact]
    public async Task A_backup_without_the_schools_public_key_is_refused_and_nothing_is_written_in_the_clear()
    {
        var file = Path.Combine(folder.FullName, "clear.dump");
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => Backups.BackupAsync(app.ConnectionString, file, []));
        refused.Message.ShouldBe(Backups.NoKey);
        var (key, _) = NewKey("school");
        var notPublic = await Should.ThrowAsync<InvalidOperationException>(() => Backups.BackupAsync(app.ConnectionString, file, [File.ReadAllText(key).Trim().Split('\n').Last()]));
        notPublic.Message.ShouldContain("is not an age public key");
        File.Exists(file).ShouldBeFalse();
    }

    async Task<SchoolPlan> SchoolWithEventsAsync()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 4));
        await using var session = app.Store.LightweightSession(school.Id);
        foreach (var pupil in school.Pupils)
            session.Events.Append(pupil.Id, new LessonStarted(pupil.Id, "some-lesson", DateTimeOffset.UtcNow), new LessonStepViewed(pupil.Id, "some-lesson", 2, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return school;
    }

    /// <summary>A key as a school makes one: <c>age-keygen -o FILE</c>; returns the file and its public key.</summary>
    (string File, string PublicKey) NewKey(string name)
    {
        var file = Path.Combine(folder.FullName, name + ".key");
        var keygen = Process.Start(new ProcessStartInfo("age-keygen", ["-o", file]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var said = keygen.StandardError.ReadToEnd();
        keygen.WaitForExit();
        keygen.ExitCode.ShouldBe(0, said);
        return (file, said.Trim().Split(' ').Last());
    }

    static IConfiguration Settings(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Marten", connectionString)]).Build();

    static async Task<long> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public void Dispose() => folder.Delete(recursive: true);

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
