namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// <c>./stc backup FILE [--to age1…]</c> and <c>./stc restore FILE --key KEYFILE [--into NAME]</c>:
/// the database in ConnectionStrings:Marten, or the embedded one. A backup is encrypted to the
/// public keys in <c>--to</c> or <c>Backups:Recipients</c>; a restore opens it with the school's key
/// file. <c>--into</c> restores into a new local database of that name (the embedded cluster), for
/// trying a restore without touching live data.
/// </summary>
public static class BackupCommand
{
    /// <summary>With the settings from the environment and any <c>--Key=value</c> on the command line (no app is built: nothing else is needed).</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, new ConfigurationBuilder().AddEnvironmentVariables()
        .AddCommandLine(args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray()).Build());

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: backup FILE [--to age1…] | restore FILE --key KEYFILE [--into NAME]");
            return 2;
        }
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        LocalPostgres? local = null;
        var startedHere = false;
        try
        {
            var into = Option(args, "--into");
            string connection;
            if (into is not null)
            {
                local = options.LocalCluster();
                startedHere = local.EnsureStarted();
                await local.EnsureDatabaseAsync(into);
                connection = local.ConnectionString(into);
            }
            else connection = DatabaseConnection.Resolve(configuration, options, out local, out startedHere);

            if (args[0] == "backup")
            {
                await Backups.BackupAsync(connection, args[1], Recipients(args, configuration));
                Console.WriteLine($"Backed up {DatabaseConnection.Describe(connection)} to {Path.GetFullPath(args[1])} ({new FileInfo(args[1]).Length:N0} bytes, encrypted with age).");
            }
            else
            {
                await Backups.RestoreAsync(connection, args[1], Option(args, "--key") is { } key ? Path.GetFullPath(key) : null);
                Console.WriteLine($"Restored {Path.GetFullPath(args[1])} into {DatabaseConnection.Describe(connection)}.");
            }
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            // Leave the embedded cluster as we found it: running if the app is using it, stopped if we started it.
            if (startedHere) local?.StopIfRunning();
        }
    }

    /// <summary>Public keys (age1…) from every <c>--to</c> and from Backups:Recipients (spaces or commas between them).</summary>
    static IReadOnlyList<string> Recipients(string[] args, IConfiguration configuration) =>
        args.Select((a, i) => a == "--to" && i + 1 < args.Length ? args[i + 1] : null).OfType<string>()
            .Concat((configuration["Backups:Recipients"] ?? "").Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToList();

    static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
