using Marten;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Platform;

public static class Startup
{
    /// <summary>
    /// Before serving: check the database answers (one line naming the connection string if not),
    /// then seed the demo schools when asked and print the URL and demo logins once listening.
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
            app.Lifetime.ApplicationStarted.Register(() =>
                Console.WriteLine(Environment.NewLine + DemoSchools.Logins(app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080")));
        }
        return true;
    }
}
