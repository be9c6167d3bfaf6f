using System.Net;
using System.Net.Sockets;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.TestSupport;

/// <summary>
/// A PostgreSQL cluster of one test's own, in a temporary folder on a free port, so that the test
/// may stop, restart or lock it without disturbing any other test.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), $"stc-pg-{Guid.NewGuid():N}");

    public LocalPostgres Server { get; }

    public OwnPostgres()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Server = new LocalPostgres(Path.Combine(folder, "data"), port);
    }

    public async Task<string> StartAsync(string database = "stc")
    {
        Directory.CreateDirectory(folder);
        // initdb runs as the postgres user when the tests run as root: let it into the folder.
        if (Environment.UserName == "root" && !OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        Server.EnsureStarted();
        await Server.EnsureDatabaseAsync(database);
        return Server.ConnectionString(database) + ";Timeout=3;Command Timeout=5";
    }

    public ValueTask DisposeAsync()
    {
        try { Server.Stop(); } catch (InvalidOperationException) { }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
