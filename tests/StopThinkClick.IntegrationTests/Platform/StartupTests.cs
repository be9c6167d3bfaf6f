using System.Diagnostics;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>The real app process, started as a user would, with a database that is not there.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task An_unreachable_database_is_reported_in_one_line_naming_the_connection_string()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "StopThinkClick.Web.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{app}\" --urls http://127.0.0.1:0")
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment = { ["ConnectionStrings__Marten"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Password=secret" },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(1);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, $"stderr: {await stderr}\nstdout: {await stdout}");
        lines[0].ShouldStartWith("Cannot reach the database in ConnectionStrings:Marten (");
        lines[0].ShouldContain("Port=1");
        lines[0].ShouldNotContain("secret");
    }
}
