using StopThinkClick.Web.Curriculum;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Checks;
using StopThinkClick.Web.Schools.SetUp;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.Web.Platform.Commands;

/// <summary>
/// One command of the app's command line (what <c>./stc</c> runs): it gets the arguments and, if it
/// needs the app's services (the database, the school set-up), a way to build the app without serving.
/// </summary>
public sealed record AppCommand(string Name, string Usage, Func<string[], Func<WebApplication>, Task<int>> RunAsync);

/// <summary>
/// Every command, in one place: Program.cs asks here first, and serves only when the arguments name none.
/// </summary>
public static class AppCommands
{
    public static IReadOnlyList<AppCommand> All { get; } =
    [
        new("check-content", "check-content [FOLDER]", (args, _) => Task.FromResult(ContentCheckCommand.Run(args))),
        new("two-step-code", "two-step-code KEY", (args, _) => Task.FromResult(TwoStepCodeCommand.Run(args))),
        new("stop", "stop", (_, _) => Task.FromResult(StopCommand.Run())),
        new("backup", "backup FILE [--to age1…]", (args, _) => BackupCommand.RunAsync(args)),
        new("restore", "restore FILE --key KEYFILE [--into NAME]", (args, _) => BackupCommand.RunAsync(args)),
        new("school", SchoolCommand.Usage, SchoolCommand.RunAsync),
        new("trust", TrustCommand.Usage, TrustCommand.RunAsync),
        new("doctor", "doctor", DoctorCommand.RunAsync),
    ];

    /// <summary>The command the arguments name (the first argument), or null: then the app serves.</summary>
    public static AppCommand? Find(string[] args) => args.Length > 0 ? All.FirstOrDefault(c => c.Name == args[0]) : null;

    /// <summary>The settings a command sees before the app is built: the environment (as the app reads it).</summary>
    public static IConfiguration Settings() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>Builds the app for a command, or says in one line why it cannot (the database, its settings).</summary>
    public static async Task<WebApplication?> BuildAsync(Func<WebApplication> compose)
    {
        WebApplication app;
        try { app = compose(); }
        catch (StartupProblem problem)
        {
            Console.Error.WriteLine(problem.Message);
            return null;
        }
        if (await DatabaseConnection.ProblemReachingAsync(app.Services.GetRequiredService<EventStoreConnection>().ConnectionString) is { } unreachable)
        {
            Console.Error.WriteLine(unreachable);
            await app.DisposeAsync();
            return null;
        }
        return app;
    }
}
