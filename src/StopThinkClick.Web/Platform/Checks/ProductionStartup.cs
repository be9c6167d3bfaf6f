using StopThinkClick.Web.Platform.Commands;

namespace StopThinkClick.Web.Platform.Checks;

/// <summary>In Production, the app refuses to start while any of <see cref="ProductionChecks"/> finds a problem; warnings are logged.</summary>
public sealed class ProductionStartup(IHostEnvironment environment, ProductionChecks checks, ILogger<ProductionStartup> logger) : IBeforeServing
{
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        if (!environment.IsProduction()) return [];
        var results = await checks.RunAsync(ct);
        foreach (var warning in results.Where(r => r.Level == CheckLevel.Warning)) logger.LogWarning("{Warning}", warning.Text);
        return results.Where(r => r.Level == CheckLevel.Problem).Select(r => r.Text).ToList();
    }
}

public static class ChecksSetup
{
    public static WebApplicationBuilder AddProductionChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProductionChecks>();
        builder.Services.AddSingleton<IBeforeServing, ProductionStartup>();
        return builder;
    }
}

/// <summary><c>./stc doctor</c>: every check of <see cref="ProductionChecks"/>, warnings too, without starting the app. Exit code 1 while a problem remains.</summary>
public static class DoctorCommand
{
    public static async Task<int> RunAsync(string[] args, Func<WebApplication> compose)
    {
        await using var app = await AppCommands.BuildAsync(compose);
        if (app is null) return 1;
        var results = await app.Services.GetRequiredService<ProductionChecks>().RunAsync(CancellationToken.None);
        foreach (var r in results)
            Console.WriteLine($"{(r.Level switch { CheckLevel.Fine => "ok     ", CheckLevel.Warning => "warning", _ => "PROBLEM" })}  {r.Text}");
        var problems = results.Count(r => r.Level == CheckLevel.Problem);
        Console.WriteLine(problems == 0 ? "Ready for a real school." : $"{problems} problem(s): in Production the app will not start until they are put right.");
        return problems == 0 ? 0 : 1;
    }
}
