using System.Diagnostics;
using Npgsql;
using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>
/// A newcomer who presses Ctrl+C in the first seconds of <c>./stc run</c> — while the demo term is
/// still being written — got some seventeen thousand lines of cancelled-command stack traces, and a
/// demo left half-written for good (the next start saw events and wrote no more).
/// </summary>
public sealed class DemoStopTests
{
    [Fact]
    public async Task Stopping_while_the_demo_term_is_written_finishes_it_quietly_and_the_next_start_has_the_whole_demo()
    {
        await using var postgres = new OwnPostgres();
        var connection = await postgres.StartAsync("stopthinkclick");
        await using (var app = DemoOn(postgres))
        {
            await app.StartAsync(); // serving: the term is being written now
            Process.Start("kill", ["-TERM", app.ProcessId.ToString()])!.WaitForExit();
            using var process = Process.GetProcessById(app.ProcessId);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            var all = string.Join('\n', app.Output);
            all.ShouldNotContain("OperationCanceledException");
            app.Output.Count.ShouldBeLessThan(80, all);
        }

        // The term's last step writes each school's concerns: both schools have them. (The demo stopped
        // its database on the way out, as ./stc run does.)
        postgres.Server.EnsureStarted();
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("select count(distinct tenant_id) from stc.mt_doc_concern", db);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(DemoSchools.Schools.Count);
    }

    /// <summary>The demo (as ./stc run starts it) in a throw-away checkout cluster of the test's own.</summary>
    public static ExternalApp DemoOn(OwnPostgres postgres, params string[] arguments) => new(null, new Dictionary<string, string>
    {
        ["Database__LocalDataDirectory"] = postgres.Server.DataDirectory,
        ["Database__LocalPort"] = postgres.Server.Port.ToString(),
        ["Logging__LogLevel__Default"] = "Information",
    }, "StopThinkClick.Demo.dll", arguments);
}
