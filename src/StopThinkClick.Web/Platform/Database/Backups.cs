using System.Diagnostics;
using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Whole-database backup and restore with PostgreSQL's own pg_dump and pg_restore (custom format:
/// compressed, and restorable into an empty database). The policies ask for off-site backup and
/// disaster recovery; docs/operations.md shows how to schedule this and copy the file away.
/// </summary>
public static class Backups
{
    public static async Task BackupAsync(string connectionString, string file, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.GetFullPath(file), "--dbname", Libpq(connectionString)], connectionString, ct);
    }

    /// <summary>Restores into the database of <paramref name="connectionString"/>, which must be empty.</summary>
    public static async Task RestoreAsync(string connectionString, string file, CancellationToken ct = default)
    {
        if (!File.Exists(file)) throw new InvalidOperationException($"There is no backup file at {file}.");
        if (await TablesAsync(connectionString, ct) is > 0 and var tables)
            throw new InvalidOperationException($"The database in {DatabaseConnection.Describe(connectionString)} is not empty ({tables} tables): restore into a new, empty database.");
        await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", Libpq(connectionString), Path.GetFullPath(file)], connectionString, ct);
    }

    static async Task<long> TablesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')", connection);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }

    /// <summary>libpq's key=value form of an Npgsql connection string (the password goes in PGPASSWORD, not the command line).</summary>
    static string Libpq(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}";
    }

    static async Task RunAsync(string tool, string[] arguments, string connectionString, CancellationToken ct)
    {
        var start = new ProcessStartInfo(LocalPostgres.Binary(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (new NpgsqlConnectionStringBuilder(connectionString).Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await stderr).Trim()}");
    }
}
