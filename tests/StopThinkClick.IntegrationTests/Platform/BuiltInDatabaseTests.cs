using System.Diagnostics;
using Npgsql;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>
/// The built-in PostgreSQL let any local user in as superuser without a password (pg_hba.conf: trust),
/// so the <c>nobody</c> account could read children's worries. Now the app's own role has a generated
/// password in a file only its owner reads; nobody — as root, the test tries it as the OS user <c>nobody</c>;
/// otherwise as this user without the file — gets in without it, and an old cluster is moved over in place.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BuiltInDatabaseTests
{
    static bool AsRoot => Environment.UserName == "root";

    [Fact]
    public async Task Another_local_user_cannot_connect_to_the_built_in_cluster_without_the_password()
    {
        await using var postgres = new OwnPostgres();
        var connection = await postgres.StartAsync();
        var cluster = postgres.Server;
        var passwords = new ClusterPasswords(cluster.DataDirectory);

        foreach (var user in new[] { "postgres", LocalPostgres.AppRole })
        {
            var tcp = await PsqlAsync($"host=127.0.0.1 port={cluster.Port} dbname=postgres user={user}");
            tcp.Exit.ShouldNotBe(0, tcp.Output);
            tcp.Output.ShouldContain("password", Case.Insensitive);
            var socket = await PsqlAsync($"host={cluster.SocketDirectory} port={cluster.Port} dbname=postgres user={user}");
            socket.Exit.ShouldNotBe(0, socket.Output);
        }
        foreach (var file in new[] { passwords.AppFile, passwords.SuperuserFile })
        {
            Convert.ToString((int)File.GetUnixFileMode(file), 8).ShouldBe("600");
            if (AsRoot) (await RunAsync("runuser", "-u", "nobody", "--", "cat", file)).Exit.ShouldNotBe(0);
        }
        // With the password the same connection works: what stopped it was the password, nothing else.
        var withPassword = await PsqlAsync($"host=127.0.0.1 port={cluster.Port} dbname=stc user={LocalPostgres.AppRole} password={passwords.App}");
        withPassword.Exit.ShouldBe(0, withPassword.Output);

        File.ReadAllLines(Path.Combine(cluster.DataDirectory, "pg_hba.conf")).Where(l => !l.TrimStart().StartsWith('#'))
            .ShouldNotContain(l => l.Contains("trust"));
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        (await ScalarAsync(db, "select rolsuper from pg_roles where rolname = current_user")).ShouldBe(false);
        (await ScalarAsync(db, "select setting from pg_settings where name = 'listen_addresses'")).ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task A_cluster_made_before_passwords_is_moved_onto_them_with_its_data_kept()
    {
        await using var postgres = new OwnPostgres();
        var cluster = postgres.Server;
        OldStyleCluster(cluster);
        var trusted = $"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Pooling=false";
        await using (var db = new NpgsqlConnection(trusted + ";Database=postgres"))
        {
            await db.OpenAsync();
            await ScalarAsync(db, "create database stopthinkclick");
        }
        await using (var db = new NpgsqlConnection(trusted + ";Database=stopthinkclick"))
        {
            await db.OpenAsync();
            await ScalarAsync(db, "create schema stc; create table stc.mt_doc_school(id text primary key, data jsonb); insert into stc.mt_doc_school values ('oakfield', '{}'); " +
                                  "create function stc.mt_immutable_timestamp(text) returns timestamptz language sql immutable as 'select $1::timestamptz'");
        }

        cluster.EnsureStarted(); // what ./stc run and ./stc test do first

        await using (var app = new NpgsqlConnection(cluster.ConnectionString("stopthinkclick")))
        {
            await app.OpenAsync();
            (await ScalarAsync(app, "select id from stc.mt_doc_school")).ShouldBe("oakfield");
            (await ScalarAsync(app, "alter table stc.mt_doc_school add column tenant_id text; select 'altered'")).ShouldBe("altered"); // Marten's migrations need ownership
        }
        (await PsqlAsync($"host=127.0.0.1 port={cluster.Port} dbname=stopthinkclick user=postgres")).Exit.ShouldNotBe(0, "trust is gone");
        cluster.EnsureStarted(); // and again: nothing more to do, nothing breaks
    }

    /// <summary>A cluster as this checkout made them before: initdb with trust, started, no password files.</summary>
    static void OldStyleCluster(LocalPostgres cluster)
    {
        Directory.CreateDirectory(cluster.DataDirectory);
        Directory.CreateDirectory(cluster.SocketDirectory);
        if (AsRoot) PostgresTools.Run("chown", $"postgres: \"{cluster.DataDirectory}\" \"{cluster.SocketDirectory}\"");
        if (AsRoot) PostgresTools.Run("chmod", $"700 \"{cluster.DataDirectory}\"");
        PostgresTools.RunAsOwner(LocalPostgres.Binary("initdb"), $"-D \"{cluster.DataDirectory}\" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        if (AsRoot) { File.WriteAllText(cluster.LogFile, ""); PostgresTools.Run("chown", $"postgres: \"{cluster.LogFile}\""); }
        cluster.Start();
    }

    /// <summary>psql as another user (<c>nobody</c>) when root, else as this one — never asking for a password (-w).</summary>
    static Task<(int Exit, string Output)> PsqlAsync(string connection) => AsRoot
        ? RunAsync("runuser", "-u", "nobody", "--", LocalPostgres.Binary("psql"), "-w", "-X", "-c", "select 1", connection)
        : RunAsync(LocalPostgres.Binary("psql"), "-w", "-X", "-c", "select 1", connection);

    static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        start.Environment.Remove("PGPASSWORD");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    static async Task<object?> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync();
    }
}
