using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>
/// What a newcomer sees on first run: the URL and the demo logins, not hundreds of lines of schema
/// SQL; and a school's server log in Production holds no line per request.
/// </summary>
public sealed class QuietLogTests
{
    [Fact]
    public async Task First_run_prints_the_url_and_logins_without_schema_sql_or_request_logs()
    {
        await using var postgres = new OwnPostgres();
        await postgres.StartAsync("stopthinkclick");
        {
            await using var app = DemoStopTests.DemoOn(postgres);
            await app.StartAsync();
            using var http = new HttpClient();
            foreach (var path in new[] { "/", "/signin", "/about", "/no-such-page" })
                await http.GetAsync(app.BaseUrl + path);
            await Eventually.TrueAsync(() => app.Output.Any(l => l.Contains("Demo logins")), "the demo logins", 60); // they follow the demo term, written once serving

            var output = app.Output;
            var all = string.Join('\n', output);
            all.ShouldContain($"StopThinkClick is running at {app.BaseUrl}");
            all.ShouldNotContain("Executed schema update SQL");
            all.ShouldNotContain("CREATE TABLE", Case.Insensitive);
            all.ShouldNotContain("Request starting");
            all.ShouldNotContain("Executing endpoint");
            output.Count.ShouldBeLessThan(80, all);
        }
    }
}
