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
            app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
            {
                try { await DemoSchools.WriteTermsAsync(app.Services, app.Lifetime.ApplicationStopping); }
                catch (Exception e) when (!app.Lifetime.ApplicationStopping.IsCancellationRequested) { logger.LogError(e, "The demo term could not be written"); }
                Console.WriteLine(Environment.NewLine + DemoSchools.Logins(app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080"));
            }));
        }
        return true;
    }
}
