using System.Net;
using System.Net.Sockets;

namespace StopThinkClick.TestSupport;

/// <summary>
/// A loopback TCP proxy in front of the app whose connections a test can cut, as flaky school
/// Wi-Fi does: the client sees its socket die and has to reconnect on its own.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly int target;
    readonly CancellationTokenSource stop = new();
    readonly List<TcpClient> open = [];
    readonly Task accepting;

    public FlakyProxy(string targetBaseUrl)
    {
        target = new Uri(targetBaseUrl).Port;
        listener.Start();
        accepting = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Cuts { get; private set; }

    /// <summary>Closes every connection through the proxy at once; new ones are still accepted.</summary>
    public void CutAll()
    {
        lock (open)
        {
            foreach (var c in open) c.Dispose();
            open.Clear();
            Cuts++;
        }
    }

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch { return; }
            _ = PipeAsync(client);
        }
    }

    async Task PipeAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, target, stop.Token);
            lock (open) { open.Add(client); open.Add(server); }
            var a = client.GetStream().CopyToAsync(server.GetStream(), stop.Token);
            var b = server.GetStream().CopyToAsync(client.GetStream(), stop.Token);
            await Task.WhenAny(a, b);
        }
        catch { }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        CutAll();
        try { await accepting; } catch { }
    }
}
