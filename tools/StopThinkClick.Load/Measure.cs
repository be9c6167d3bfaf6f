using System.Collections.Concurrent;
using System.Diagnostics;

namespace StopThinkClick.Load;

/// <summary>One clock for the whole harness: senders stamp it, the console reads it (same process).</summary>
static class Clock
{
    static readonly long Start = Stopwatch.GetTimestamp();
    public static double NowMs => Stopwatch.GetElapsedTime(Start).TotalMilliseconds;
}

/// <summary>Latencies in milliseconds, summarised as percentiles.</summary>
sealed class Latencies
{
    readonly ConcurrentBag<double> samples = [];

    public void Add(double ms) => samples.Add(ms);
    public int Count => samples.Count;

    public double Percentile(double p)
    {
        var sorted = samples.ToArray();
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Summary => Count == 0 ? "no samples" : $"p50 {Percentile(50):0.0} ms, p95 {Percentile(95):0.0} ms, p99 {Percentile(99):0.0} ms (n={Count})";
}

/// <summary>CPU and memory of the target's processes (summed over nodes), read from /proc (Linux).</summary>
sealed class ProcessMeter(IReadOnlyList<int> pids)
{
    static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    double cpuAtStart;
    double wallAtStart;

    public void Begin()
    {
        cpuAtStart = CpuSeconds();
        wallAtStart = Clock.NowMs;
    }

    /// <summary>CPU used since <see cref="Begin"/> as a percentage of one core (200% = both cores of this machine).</summary>
    public double CpuPercent() => (CpuSeconds() - cpuAtStart) / ((Clock.NowMs - wallAtStart) / 1000) * 100;

    double CpuSeconds() => pids.Sum(CpuSeconds);

    static double CpuSeconds(int pid)
    {
        // Fields after the command name (which may contain spaces) start at ") ".
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11]) + double.Parse(fields[12])) / TicksPerSecond;
    }

    public double ResidentMb() => pids.Sum(pid => StatusKb(pid, "VmRSS")) / 1024.0;

    /// <summary>The processes' peak resident memory since they started (the sum of each one's peak).</summary>
    public double PeakMb() => pids.Sum(pid => StatusKb(pid, "VmHWM")) / 1024.0;

    static double StatusKb(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":"));
        return double.Parse(line.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0]);
    }
}
