using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.TestSupport;

/// <summary>
/// The tests' own PostgreSQL cluster (.data/test-postgres, port 5434): separate from the demo
/// database so a test run never touches it, and owned by the tests so that fault tests may stop
/// and restart it. Started once per test process if it is not already running.
/// </summary>
public static class TestPostgres
{
    static readonly Lazy<LocalPostgres> Cluster = new(() =>
    {
        var port = int.TryParse(Environment.GetEnvironmentVariable("STC_TEST_PG_PORT"), out var p) ? p : 5434;
        var cluster = new LocalPostgres(Path.Combine(RepoPaths.Data, "test-postgres"), port);
        // Another checkout on this machine (a git worktree) may already run a test cluster on this
        // port: every test database has a unique name, so sharing it is safe.
        if (!cluster.Answers()) cluster.EnsureStarted();
        return cluster;
    });

    public static LocalPostgres Server => Cluster.Value;

    /// <summary>A new, empty database with a unique name; drop it with <see cref="DropAsync"/>.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"stc_test_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await Server.EnsureDatabaseAsync(name);
        return name;
    }

    public static string ConnectionString(string database) => Server.ConnectionString(database);

    public static Task DropAsync(string database) => Server.DropDatabaseAsync(database);
}
