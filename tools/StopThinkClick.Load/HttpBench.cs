using System.Diagnostics;
using System.Globalization;

namespace StopThinkClick.Load;

sealed record PageResult(string Page, string Path, double RequestsPerSecond, double P50, double P95, double P99, long Requests, long Errors);

/// <summary>
/// wrk (Debian package) over one page, signed in with the given cookie; p95 from a Lua hook. Each page
/// is first requested unmeasured for a few seconds: a page nobody opened during the live phases would
/// otherwise be measured while .NET is still compiling its code to the fast tier, a cost a school's
/// server pays once after it starts, not on every view.
/// </summary>
static class HttpBench
{
    const string Report = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("STC %d %.1f %.3f %.3f %.3f %d\n", summary.requests,
            summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
            latency:percentile(95) / 1000, latency:percentile(99) / 1000,
            e.connect + e.read + e.write + e.timeout + e.status))
        end
        """;

    public const int WarmUpSeconds = 5;

    public static async Task<PageResult> RunAsync(string page, string baseUrl, string path, string cookie, int seconds, int connections)
    {
        await WrkAsync(baseUrl, path, cookie, WarmUpSeconds, connections);
        var line = await WrkAsync(baseUrl, path, cookie, seconds, connections);
        var f = line.Split(' ');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new PageResult(page, path, D(2), D(3), D(4), D(5), long.Parse(f[1]), long.Parse(f[6]));
    }

    static async Task<string> WrkAsync(string baseUrl, string path, string cookie, int seconds, int connections)
    {
        var script = Path.Combine(Path.GetTempPath(), "stc-wrk-report.lua");
        await File.WriteAllTextAsync(script, Report);
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "-s", script, "-H", "Cookie: " + cookie, baseUrl + path])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (Debian package wrk)");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("STC ")) ?? throw new InvalidOperationException("wrk printed no summary:\n" + output);
    }
}
