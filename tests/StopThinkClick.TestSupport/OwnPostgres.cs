using System.Net;
using System.Net.Sockets;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.TestSupport;

/// <summary>
/// A PostgreSQL cluster of one test's own, for a throw-away "checkout" folder in the temp folder,
/// on a free port, so that the test may stop, restart or lock it without disturbing any other test.
/// It lives where any checkout's would (CheckoutClusters), so it starts the same way as root or not,
/// with the temp folder left as private as it was made.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    public string Checkout { get; } = Directory.CreateTempSubdirectory("stc-pg-").FullName;

    public LocalPostgres Server { get; }

    public OwnPostgres()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Server = CheckoutClusters.For(Checkout, "data", port);
    }

    public async Task<string> StartAsync(string database = "stc")
    {
        Server.EnsureStarted();
        await Server.EnsureDatabaseAsync(database);
        return Server.ConnectionString(database) + ";Timeout=3;Command Timeout=5";
    }

    public ValueTask DisposeAsync()
    {
        try { CheckoutClusters.Forget(Checkout); } catch (InvalidOperationException) { } catch (IOException) { }
        try { Directory.Delete(Checkout, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
