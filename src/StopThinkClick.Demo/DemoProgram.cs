using StopThinkClick.Web.Platform;

namespace StopThinkClick.Demo;

/// <summary>
/// <c>./stc run [--reset]</c>: the real app (StopThinkClick.Web's own entry point and composition root)
/// with <see cref="DemoHostingStartup"/> added, in the "Demo" environment, in this checkout's own
/// database only. A configured database (ConnectionStrings__Marten) is refused rather than used:
/// it is a school's, and the demo's logins are printed on the console.
/// </summary>
public static class DemoProgram
{
    public static async Task<int> Main(string[] args)
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Marten") ?? Environment.GetEnvironmentVariable("ConnectionStrings:Marten");
        if (!string.IsNullOrWhiteSpace(configured) || args.Any(a => a.StartsWith("--ConnectionStrings", StringComparison.OrdinalIgnoreCase)))
        {
            Console.Error.WriteLine("ConnectionStrings__Marten is set, and the demo never uses a configured database (it is a school's, and the demo prints its logins): " +
                                    "unset it to try the demo in this checkout's own database, or serve your school with ./stc serve (docs/operations.md).");
            return 2;
        }
        // Read by the web host as it is built (ASP.NET Core's ASPNETCORE_ settings), before any of the app's code runs.
        Environment.SetEnvironmentVariable("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES", typeof(DemoProgram).Assembly.GetName().Name);
        var reset = args.Contains("--reset");
        string[] appArgs =
        [
            .. args.Where(a => a != "--reset"),
            $"--{DemoOptions.Section}:Reset={reset}",
            .. Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null ? ["--environment=Demo"] : Array.Empty<string>(),
        ];
        // The web app's own Main: its one composition root, with nothing of the demo inside it.
        var main = typeof(RepoPaths).Assembly.EntryPoint ?? throw new InvalidOperationException("StopThinkClick.Web has no entry point.");
        // (The compiler's entry point for an async Main is a synchronous wrapper that returns the exit code.)
        return main.Invoke(null, [appArgs]) switch { Task<int> running => await running, int exit => exit, _ => 0 };
    }
}
