namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Where the events and documents live. With <c>ConnectionStrings:Marten</c> set, that database is
/// used and nothing is started; without it, the app starts its embedded local PostgreSQL.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Unset: this checkout's own cluster folder (see <see cref="CheckoutClusters"/>).</summary>
    public string? LocalDataDirectory { get; set; }

    /// <summary>Unset: a port of this checkout's own, derived from its path.</summary>
    public int? LocalPort { get; set; }

    public string LocalDatabase { get; set; } = "stopthinkclick";

    /// <summary>The embedded cluster these settings name: this checkout's own unless a folder or port is given.</summary>
    public LocalPostgres LocalCluster() => LocalDataDirectory is { } folder
        ? new LocalPostgres(folder, LocalPort ?? CheckoutClusters.PortFor(RepoPaths.Root, "postgres"))
        : CheckoutClusters.For(RepoPaths.Root, "postgres", LocalPort);

    /// <summary>The PostgreSQL schema that holds Marten's tables.</summary>
    public string Schema { get; set; } = "stc";

    /// <summary>How long a page waits on the database before it says so kindly (a slow database must not hang a page).</summary>
    public int CommandTimeoutSeconds { get; set; } = 10;
}
