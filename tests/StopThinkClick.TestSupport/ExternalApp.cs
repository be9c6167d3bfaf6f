using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StopThinkClick.TestSupport;

/// <summary>
/// The app as a real separate process (the published dll, as a school would run it), so a test
/// can kill it with SIGKILL mid-session and start it again on the same port. <paramref name="program"/>
/// is StopThinkClick.Web.dll, or StopThinkClick.Demo.dll for the demo (with no connection string:
/// the demo only runs in a checkout's own cluster, named by Database__LocalDataDirectory/LocalPort).
/// </summary>
public sealed class ExternalApp(string? connectionString, IReadOnlyDictionary<string, string>? settings = null, string program = "StopThinkClick.Web.dll",
    IReadOnlyList<string>? arguments = null) : IAsyncDisposable
{
    Process? process;
    readonly List<string> output = [];

    public int Port { get; } = FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The app is not running.");
    public IReadOnlyList<string> Output { get { lock (output) return output.ToList(); } }

    public async Task StartAsync()
    {
        Launch();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (process!.HasExited) throw new InvalidOperationException("The app exited: " + string.Join('\n', Output));
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

    /// <summary>Starts the app expecting it to refuse and exit (bad settings, a start-up check): its exit code, once it has.</summary>
    public async Task<int> RunToExitAsync()
    {
        Launch();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process!.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    void Launch()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, program), "--urls", BaseUrl, .. arguments ?? []])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                // Not Production unless a test says so: the production start-up checks would refuse a test's database.
                ["ASPNETCORE_ENVIRONMENT"] = "Test",
                ["RateLimits__PupilSignInPerMinute"] = "100000",
                ["RateLimits__AdultSignInPerMinute"] = "100000",
                ["RateLimits__WrongCodesPerTenMinutes"] = "100000",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        if (connectionString is not null) start.Environment["ConnectionStrings__Marten"] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Runs one of the app's commands (<c>school add …</c>, <c>doctor</c>) as <c>./stc</c> would, with these
    /// environment settings: its exit code and everything it printed (standard output, then errors).
    /// </summary>
    public static async Task<(int Exit, string Output, string Errors)> CommandAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "StopThinkClick.Web.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var command = Process.Start(start)!;
        var output = command.StandardOutput.ReadToEndAsync();
        var errors = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await command.WaitForExitAsync(timeout.Token);
        return (command.ExitCode, await output, await errors);
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
