using System.Diagnostics;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>Runs PostgreSQL's command-line tools, as the <c>postgres</c> user when we are root.</summary>
static class PostgresTools
{
    public static bool RunsAsRoot => Environment.UserName == "root";

    public static int RunAsOwner(string file, string arguments, bool throwOnError = true) => RunsAsRoot
        ? Run("runuser", $"-u postgres -- \"{file}\" {arguments}", throwOnError)
        : Run(file, arguments, throwOnError);

    public static int Run(string file, string arguments, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            // The postgres user may not be allowed into our working directory (a checkout under /root):
            // start every tool from a folder anyone can enter.
            WorkingDirectory = "/",
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
