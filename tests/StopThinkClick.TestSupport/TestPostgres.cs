using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.TestSupport;

/// <summary>
/// The tests' own PostgreSQL cluster, "test-postgres" of this checkout (see CheckoutClusters for
/// where and on which port): separate from the demo database so a test run never touches it, and
/// never another checkout's, so two checkouts' test runs cannot meet. Started once per test
/// process if it is not already running; left running for the next run (<c>./stc stop</c> stops it).
/// </summary>
public static class TestPostgres
{
    static readonly Lazy<LocalPostgres> Cluster = new(() =>
    {
        int? port = int.TryParse(Environment.GetEnvironmentVariable("STC_TEST_PG_PORT"), out var p) ? p : null;
        var cluster = CheckoutClusters.For(RepoPaths.Root, "test-postgres", port);
        cluster.PortSetting = "STC_TEST_PG_PORT";
        cluster.EnsureStarted();
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
