using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StopThinkClick.TestSupport;

/// <summary>A private redis-server (Debian package) on a free loopback port, nothing saved to disk.</summary>
public sealed class LocalRedis : IAsyncDisposable
{
    readonly Process process;

    public int Port { get; }
    public string Configuration => $"127.0.0.1:{Port}";

    LocalRedis(Process process, int port) => (this.process, Port) = (process, port);

    public static async Task<LocalRedis> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("redis-server", ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (is the Debian package installed?)");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new LocalRedis(process, port);
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        process.Kill();
        throw new TimeoutException("redis-server did not listen on port " + port);
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
