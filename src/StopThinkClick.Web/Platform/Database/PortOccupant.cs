using System.Net.Sockets;
using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Says, in one line, what already listens on a port a cluster was about to start on — another
/// checkout's database, some other PostgreSQL, or another program — and how to free it. One
/// checkout never quietly uses another's database: its data would be mixed with a stranger's.
/// </summary>
public static class PortOccupant
{
    /// <summary>Null when nothing listens on 127.0.0.1:<paramref name="port"/>.</summary>
    public static string? Describe(int port, string portSetting = "Database__LocalPort")
    {
        if (!Listens(port)) return null;
        var choose = $"or give this checkout another port with {portSetting}=NNNNN.";
        var dataDirectory = PostgresDataDirectory(port);
        if (dataDirectory is null)
            return $"Port 127.0.0.1:{port} is taken by another program (not this checkout's database): stop it, {choose}";
        if (CheckoutClusters.CheckoutOf(dataDirectory) is { } checkout)
            return $"Port 127.0.0.1:{port} is taken by the database of another checkout ({checkout}): run `./stc stop` there, {choose}";
        return $"Port 127.0.0.1:{port} is taken by another PostgreSQL server (data in {dataDirectory}), not this checkout's: stop it (pg_ctl -D \"{dataDirectory}\" stop), {choose}";
    }

    static bool Listens(int port)
    {
        using var client = new TcpClient();
        try
        {
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException) { return false; }
        catch (SocketException) { return false; }
    }

    /// <summary>
    /// The data folder of the PostgreSQL server on the port: read from its postmaster's command line
    /// (pg_ctl starts it with <c>-D folder -p port</c>; /proc/PID/cmdline is readable by any user), since
    /// our clusters no longer let anyone in without a password; failing that, asked of a server that
    /// still trusts local users (a checkout's cluster from before passwords).
    /// </summary>
    static string? PostgresDataDirectory(int port) => FromProcesses(port) ?? FromTrustingServer(port);

    static string? FromProcesses(int port)
    {
        if (!Directory.Exists("/proc")) return null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            string[] argv;
            try { argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0'); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (argv.Length < 4 || Path.GetFileName(argv[0]) != "postgres") continue;
            if (ValueOf(argv, "-p") == port.ToString() && ValueOf(argv, "-D") is { } data) return data;
        }
        return null;
    }

    static string? ValueOf(string[] argv, string option)
    {
        var i = Array.IndexOf(argv, option);
        return i >= 0 && i + 1 < argv.Length ? argv[i + 1].Trim('"', '\'') : null;
    }

    static string? FromTrustingServer(int port)
    {
        try
        {
            using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Timeout=3;Pooling=false");
            connection.Open();
            using var show = new NpgsqlCommand("show data_directory", connection);
            return show.ExecuteScalar() as string;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
        {
            return null;
        }
    }
}
