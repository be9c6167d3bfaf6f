using Marten;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Platform;

public static class Startup
{
    /// <summary>
    /// Before serving: check the database answers (one line naming the connection string if not),
    /// then seed the demo schools when asked, and once listening write their term and print the URL and demo logins.
    /// </summary>
    public static async Task<bool> PrepareAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<EventStoreConnection>();
        if (await DatabaseConnection.ProblemReachingAsync(database.ConnectionString) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return false;
        }
        var demo = app.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Seed || demo.Reset)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Demo");
            await DemoSchools.SeedAsync(app.Services.GetRequiredService<IDocumentStore>(), demo, logger);
            // The demo term is written once serving (its live sessions need the running app); the logins follow it.
            var term = Task.CompletedTask;
            app.Lifetime.ApplicationStarted.Register(() => term = Task.Run(async () =>
            {
                try { await DemoSchools.WriteTermsAsync(app.Services, CancellationToken.None); }
                catch (Exception e) { logger.LogError(e, "The demo term could not be written"); }
                Console.WriteLine(Environment.NewLine + DemoSchools.Logins(app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080"));
            }));
            // Ctrl+C in the first seconds waits for the term (before the live pipeline's writer stops):
            // cancelled half-way, every cancelled write printed its stack trace, and the next start saw
            // events, took the term as written and left the demo half-made for good.
            app.Lifetime.ApplicationStopping.Register(() =>
            {
                if (term.IsCompleted) return;
                Console.WriteLine("Finishing the demo term before stopping (a few seconds)…");
                term.Wait(TimeSpan.FromSeconds(60));
            });
        }
        return true;
    }
}
