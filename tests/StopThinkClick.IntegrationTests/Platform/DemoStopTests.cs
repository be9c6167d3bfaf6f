using System.Diagnostics;
using Npgsql;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

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
        var database = await TestPostgres.CreateDatabaseAsync("demostop");
        try
        {
            var settings = new Dictionary<string, string> { ["Demo__Seed"] = "true", ["Logging__LogLevel__Default"] = "Information" };
            await using (var app = new ExternalApp(TestPostgres.ConnectionString(database), settings))
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

            // The term's last step writes each school's concerns: both schools have them.
            await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(database));
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("select count(distinct tenant_id) from stc.mt_doc_concern", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(DemoSchools.Plans.Count);
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }
}
