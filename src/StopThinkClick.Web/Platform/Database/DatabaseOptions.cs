namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Where the events and documents live. With <c>ConnectionStrings:Marten</c> set, that database is
/// used and nothing is started; without it, the app starts its embedded local PostgreSQL.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string LocalDataDirectory { get; set; } = Path.Combine(RepoPaths.Data, "postgres");
    public int LocalPort { get; set; } = 5433;
    public string LocalDatabase { get; set; } = "stopthinkclick";

    /// <summary>The PostgreSQL schema that holds Marten's tables.</summary>
    public string Schema { get; set; } = "stc";

    /// <summary>How long a page waits on the database before it says so kindly (a slow database must not hang a page).</summary>
    public int CommandTimeoutSeconds { get; set; } = 10;
}
