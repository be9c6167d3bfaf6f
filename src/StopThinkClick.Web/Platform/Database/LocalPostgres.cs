using System.Diagnostics;
using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// The embedded default database: a private PostgreSQL cluster listening on 127.0.0.1 only,
/// started on demand. It needs the Debian <c>postgresql</c> package (the README's run command
/// installs it). initdb refuses to run as root, so as root the cluster belongs to the
/// <c>postgres</c> user; <see cref="CheckoutClusters"/> then keeps it where that user can reach
/// it, so a checkout under a private folder (/root is mode 700) never needs its permissions loosened.
/// Nobody gets in without a password (<see cref="ClusterPasswords"/>): the app uses a role of its own
/// that is not a superuser and owns its databases, and any other local user is refused.
/// </summary>
public sealed class LocalPostgres(string dataDirectory, int port)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);
    public int Port { get; } = port;
    public string SocketDirectory => DataDirectory + "-socket";
    public string LogFile => DataDirectory + ".log";

    /// <summary>The setting a person changes to give this cluster another port (named in the "port taken" message).</summary>
    public string PortSetting { get; set; } = "Database__LocalPort";

    /// <summary>The app's own role (not a superuser): it owns the databases the app uses.</summary>
    public const string AppRole = "stc";

    ClusterPasswords Passwords => new(DataDirectory);

    /// <summary>How the app connects: its own role, with the generated password only root and this user can read.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={AppRole};Password={Passwords.App};Pooling=true;Maximum Pool Size=60";

    /// <summary>The cluster's superuser, for making and dropping databases and nothing the app does.</summary>
    public string SuperuserConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Password={Passwords.Superuser};Pooling=false";

    public bool IsRunning() => RunPgCtl("status", throwOnError: false) == 0;

    /// <summary>The port this cluster's running server listens on (postmaster.pid, line 4), or null when it is not running.</summary>
    public int? RunningPort()
    {
        if (!IsRunning()) return null;
        var lines = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).Take(4).ToList();
        return lines.Count == 4 && int.TryParse(lines[3], out var p) ? p : null;
    }

    /// <summary>
    /// Creates the cluster if it does not exist and starts it if it is not running. Returns whether
    /// this call started it. Never connects to a server it did not start from this data folder:
    /// if the port is taken by anything else, it fails with one line saying what is there.
    /// </summary>
    public bool EnsureStarted()
    {
        using var _ = ClusterLock.Take(DataDirectory + ".lock");
        var passwords = Passwords.MadeIfMissing();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            Initialise(passwords);
        var started = StartIfNeeded();
        // Every start: a cluster made before passwords (trust for every local user) is moved onto them,
        // and the app's role is there with the password in its file.
        ClusterAuthentication.Ensure(this, passwords);
        return started;
    }

    bool StartIfNeeded()
    {
        var running = RunningPort();
        if (running == Port) return false;
        if (running is not null) Stop(); // ours, but on a port the settings no longer name
        if (PortOccupant.Describe(Port, PortSetting) is { } occupied)
            throw new InvalidOperationException(occupied);
        Start();
        return true;
    }

    internal string HbaFile => Path.Combine(DataDirectory, "pg_hba.conf");

    public void Start() =>
        RunPgCtl($"-l \"{LogFile}\" -o \"-p {Port} -k '{SocketDirectory}' -c listen_addresses=127.0.0.1\" -w -t 60 start");

    /// <summary>Stops the cluster at once (fast shutdown: open sessions are ended, nothing committed is lost).</summary>
    public void Stop() => RunPgCtl("-m fast -w stop");

    /// <summary>Stops the cluster if it runs; for shutdown paths that must not throw.</summary>
    public void StopIfRunning()
    {
        try { if (IsRunning()) Stop(); }
        catch (InvalidOperationException) { }
    }

    public void Kill()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var pid = int.Parse(File.ReadLines(pidFile).First());
        try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
    }

    /// <summary>Stops the cluster and deletes its files (for throw-away clusters in tests).</summary>
    public void Destroy()
    {
        StopIfRunning();
        foreach (var dir in new[] { DataDirectory, SocketDirectory })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        foreach (var file in new[] { LogFile, DataDirectory + ".lock", Passwords.AppFile, Passwords.SuperuserFile })
            File.Delete(file);
    }

    /// <summary>Makes the database if it is missing, owned by the app's role.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(SuperuserConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database}\" owner {AppRole}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task DropDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(SuperuserConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    void Initialise(ClusterPasswords passwords)
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(SocketDirectory);
        if (PostgresTools.RunsAsRoot)
        {
            // The cluster's own files belong to its own user, mode 700: nothing around them is loosened.
            if (!File.Exists(LogFile)) File.WriteAllText(LogFile, "");
            PostgresTools.Run("chown", $"postgres: \"{DataDirectory}\" \"{SocketDirectory}\" \"{LogFile}\"");
            PostgresTools.Run("chmod", $"700 \"{DataDirectory}\" \"{SocketDirectory}\"");
            PostgresTools.Run("chmod", $"600 \"{LogFile}\"");
        }
        // initdb reads the superuser's password from a file its own user can read: a copy inside the
        // socket folder (the cluster user's, mode 700), deleted at once. Every connection, local socket
        // or 127.0.0.1, then needs a password (scram-sha-256): no trust line in pg_hba.conf.
        var pwfile = Path.Combine(SocketDirectory, "initdb-password");
        try
        {
            ClusterPasswords.WritePrivate(pwfile, passwords.Superuser);
            if (PostgresTools.RunsAsRoot) PostgresTools.Run("chown", $"postgres: \"{pwfile}\"");
            PostgresTools.RunAsOwner(PostgresTools.Binary("initdb"),
                $"-D \"{DataDirectory}\" -U postgres --auth=scram-sha-256 --pwfile=\"{pwfile}\" -E UTF8 --locale=C.UTF-8");
        }
        finally
        {
            File.Delete(pwfile);
        }
    }

    int RunPgCtl(string arguments, bool throwOnError = true) =>
        PostgresTools.RunAsOwner(PostgresTools.Binary("pg_ctl"), $"-D \"{DataDirectory}\" {arguments}", throwOnError);

    /// <summary>PostgreSQL's server binaries are not on PATH in Debian: look in /usr/lib/postgresql/*/bin.</summary>
    public static string Binary(string name) => PostgresTools.Binary(name);
}
