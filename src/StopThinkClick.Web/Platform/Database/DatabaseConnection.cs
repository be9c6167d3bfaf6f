using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

public static class DatabaseConnection
{
    /// <summary>
    /// The configured connection string, or the embedded local cluster's (started here if needed;
    /// <paramref name="local"/> is then that cluster, and <paramref name="started"/> whether this call started it).
    /// </summary>
    public static string Resolve(IConfiguration configuration, DatabaseOptions options, out LocalPostgres? local, out bool started)
    {
        var configured = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            local = null;
            started = false;
            return configured;
        }

        local = options.LocalCluster();
        started = local.EnsureStarted();
        local.EnsureDatabaseAsync(options.LocalDatabase).GetAwaiter().GetResult();
        return local.ConnectionString(options.LocalDatabase);
    }

    /// <summary>
    /// Fails start-up with one readable line instead of a stack trace when the database is missing
    /// or unreachable, naming the connection string (without its password) and where it came from.
    /// </summary>
    public static async Task<string?> ProblemReachingAsync(string connectionString, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            return $"Cannot reach the database in ConnectionStrings:Marten ({Describe(connectionString)}): {FirstLine(e.Message)}{Fix(e)}";
        }
    }

    /// <summary>What to do about the commonest reasons, by PostgreSQL's error code.</summary>
    static string Fix(Exception e) => (e as PostgresException)?.SqlState switch
    {
        "28P01" => " — the password in ConnectionStrings__Marten is wrong: correct it (nothing was written).",
        "28000" => " — this server does not let that user in from here: check Username= and the server's pg_hba.conf (nothing was written).",
        "3D000" => " — that database does not exist yet: create it, owned by the app's user (createdb -O USER NAME), or correct Database= (nothing was written).",
        _ => "",
    };

    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Password is not null) builder.Password = "***";
        return builder.ConnectionString;
    }

    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
