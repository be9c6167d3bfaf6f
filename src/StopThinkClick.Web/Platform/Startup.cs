using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Web.Platform;

/// <summary>
/// Work that must be done, or found in order, before the app serves: each step returns the problems
/// that stop it, one line each naming the fix (none when all is well). The demo adds its seeding as one
/// (src/StopThinkClick.Demo); the production checks are another.
/// </summary>
public interface IBeforeServing
{
    Task<IReadOnlyList<string>> RunAsync(CancellationToken ct);
}

public static class Startup
{
    /// <summary>
    /// Before serving: check the database answers (one line naming the connection string if not),
    /// then run every <see cref="IBeforeServing"/> step in the order it was added, printing each problem.
    /// </summary>
    public static async Task<bool> PrepareAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<EventStoreConnection>();
        if (await DatabaseConnection.ProblemReachingAsync(database.ConnectionString) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return false;
        }
        foreach (var step in app.Services.GetServices<IBeforeServing>())
        {
            var problems = await step.RunAsync(app.Lifetime.ApplicationStopping);
            foreach (var line in problems) Console.Error.WriteLine(line);
            if (problems.Count > 0) return false;
        }
        return true;
    }
}
