using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StopThinkClick.TestSupport;

/// <summary>
/// The app as a real separate process (the published dll, as a school would run it), so a test
/// can kill it with SIGKILL mid-session and start it again on the same port.
/// </summary>
public sealed class ExternalApp(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    Process? process;
    readonly List<string> output = [];

    public int Port { get; } = FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The app is not running.");
    public IReadOnlyList<string> Output { get { lock (output) return output.ToList(); } }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "StopThinkClick.Web.dll"), "--urls", BaseUrl])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ConnectionStrings__Marten"] = connectionString,
                ["Demo__Seed"] = "false",
                ["RateLimits__PupilSignInPerMinute"] = "100000",
                ["RateLimits__AdultSignInPerMinute"] = "100000",
                ["RateLimits__WrongCodesPerTenMinutes"] = "100000",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException("The app exited: " + string.Join('\n', Output));
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The app did not become ready: " + string.Join('\n', Output));
    }

    /// <summary>SIGKILL: no shutdown, no flushing — as when a server loses power.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit(10_000);
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false }) Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
