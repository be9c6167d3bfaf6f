using System.Diagnostics;
using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// The embedded default database: a private PostgreSQL cluster under a git-ignored folder,
/// listening on 127.0.0.1 only, started on demand. It needs the Debian <c>postgresql</c> package
/// (the README's run command installs it). initdb refuses to run as root, so as root the
/// cluster belongs to the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres(string dataDirectory, int port)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);
    public int Port { get; } = port;
    string SocketDirectory => DataDirectory + "-socket";
    string LogFile => DataDirectory + ".log";

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=60";

    public bool IsRunning() => RunPgCtl("status", throwOnError: false) == 0;

    /// <summary>Whether a PostgreSQL server answers on this port, whoever started it.</summary>
    public bool Answers()
    {
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Timeout=2;Pooling=false");
            connection.Open();
            return true;
        }
        catch (NpgsqlException) { return false; }
    }

    /// <summary>Creates the cluster if it does not exist and starts it if it is not running.</summary>
    public void EnsureStarted()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            Initialise();
        if (!IsRunning())
            Start();
    }

    public void Start() =>
        RunPgCtl($"-l \"{LogFile}\" -o \"-p {Port} -k {SocketDirectory} -c listen_addresses=127.0.0.1\" -w -t 60 start");

    /// <summary>Stops the cluster at once (used by the tests that restart the database mid-session).</summary>
    public void Stop() => RunPgCtl("-m fast -w stop");

    public void Kill()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var pid = int.Parse(File.ReadLines(pidFile).First());
        try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task DropDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    void Initialise()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(SocketDirectory);
        if (RunsAsRoot)
        {
            Run("chown", $"postgres \"{DataDirectory}\" \"{SocketDirectory}\"");
            Run("touch", $"\"{LogFile}\"");
            Run("chown", $"postgres \"{LogFile}\"");
        }
        RunAsOwner(Binary("initdb"), $"-D \"{DataDirectory}\" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
    }

    int RunPgCtl(string arguments, bool throwOnError = true) =>
        RunAsOwner(Binary("pg_ctl"), $"-D \"{DataDirectory}\" {arguments}", throwOnError);

    static bool RunsAsRoot => Environment.UserName == "root";

    static int RunAsOwner(string file, string arguments, bool throwOnError = true) => RunsAsRoot
        ? Run("runuser", $"-u postgres -- \"{file}\" {arguments}", throwOnError)
        : Run(file, arguments, throwOnError);

    static int Run(string file, string arguments, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        // Read both streams to the end before waiting, so a chatty child never blocks on a full pipe;
        // pg_ctl start leaves the server holding stdout, so do not wait for it past the exit.
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {arguments} failed ({process.ExitCode}): {stderr.Result.Trim()}");
        return process.ExitCode;
    }

    /// <summary>PostgreSQL's server binaries are not on PATH in Debian: look in /usr/lib/postgresql/*/bin.</summary>
    public static string Binary(string name)
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        foreach (var version in versions)
        {
            var path = Path.Combine(version, "bin", name);
            if (File.Exists(path)) return path;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            $"PostgreSQL's {name} was not found. Install it with: sudo apt-get install -y postgresql");
    }
}
