namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// <c>./stc backup FILE</c> and <c>./stc restore FILE [--into NAME]</c>: the database in
/// ConnectionStrings:Marten, or the embedded one. <c>--into</c> restores into a new local
/// database of that name (the embedded cluster), for trying a restore without touching live data.
/// </summary>
public static class BackupCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: backup FILE | restore FILE [--into NAME]");
            return 2;
        }
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        LocalPostgres? local = null;
        var startedHere = false;
        try
        {
            var into = args.SkipWhile(a => a != "--into").Skip(1).FirstOrDefault();
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
                await Backups.BackupAsync(connection, args[1]);
                Console.WriteLine($"Backed up {DatabaseConnection.Describe(connection)} to {Path.GetFullPath(args[1])} ({new FileInfo(args[1]).Length:N0} bytes).");
            }
            else
            {
                await Backups.RestoreAsync(connection, args[1]);
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
}
