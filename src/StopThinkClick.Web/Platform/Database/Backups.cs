using System.Diagnostics;
using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Whole-database backup and restore with PostgreSQL's own pg_dump and pg_restore (custom format),
/// encrypted with <c>age</c> to the school's backup key: a backup holds every child's data, so it
/// is never written in the clear — pg_dump's output goes straight into age, and the server needs
/// only the key's public half (<c>age1…</c>). Restoring needs the key file itself, which the school
/// keeps off the server. docs/operations.md shows how to make the key, schedule backups and restore.
/// </summary>
public static class Backups
{
    public const string NoKey =
        "Backups hold children's data, so they are always encrypted: make the school's backup key once with `age-keygen -o school-backup.key` " +
        "(keep that file safe, away from this server), then give its public key (age1…) as Backups__Recipients=age1… or --to age1….";

    const string AgeHeader = "age-encryption.org/v1";

    public static async Task BackupAsync(string connectionString, string file, IReadOnlyList<string> recipients, CancellationToken ct = default)
    {
        if (recipients.Count == 0) throw new InvalidOperationException(NoKey);
        if (recipients.FirstOrDefault(r => !r.StartsWith("age1", StringComparison.Ordinal)) is { } wrong)
            throw new InvalidOperationException($"\"{wrong}\" is not an age public key (they start with age1): use the public key age-keygen printed, not the key file.");
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        try
        {
            using var dump = Start(LocalPostgres.Binary("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--dbname", Libpq(connectionString)], connectionString);
            using var encrypt = Start(Tools.Age, [.. recipients.SelectMany(r => new[] { "-r", r }), "-o", partial], null, stdin: true);
            var dumpErrors = dump.StandardError.ReadToEndAsync(ct);
            var ageErrors = encrypt.StandardError.ReadToEndAsync(ct);
            await dump.StandardOutput.BaseStream.CopyToAsync(encrypt.StandardInput.BaseStream, ct);
            encrypt.StandardInput.Close();
            await Task.WhenAll(dump.WaitForExitAsync(ct), encrypt.WaitForExitAsync(ct));
            if (dump.ExitCode != 0) throw new InvalidOperationException($"pg_dump failed ({dump.ExitCode}): {(await dumpErrors).Trim()}");
            if (encrypt.ExitCode != 0) throw new InvalidOperationException($"age could not encrypt the backup: {Tools.FirstLine(await ageErrors)}");
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores into the database of <paramref name="connectionString"/>, which must be empty. An
    /// encrypted backup is opened with the school's key file (<paramref name="keyFile"/>) into a
    /// private temporary folder, restored, and the clear copy deleted at once.
    /// </summary>
    public static async Task RestoreAsync(string connectionString, string file, string? keyFile, CancellationToken ct = default)
    {
        if (!File.Exists(file)) throw new InvalidOperationException($"There is no backup file at {file}.");
        var encrypted = await StartsWithAsync(file, AgeHeader, ct);
        if (!encrypted && !await StartsWithAsync(file, "PGDMP", ct))
            throw new InvalidOperationException($"{file} is not a StopThinkClick backup (neither an age-encrypted file nor a pg_dump archive).");
        if (encrypted && keyFile is null)
            throw new InvalidOperationException($"{Path.GetFileName(file)} is encrypted: give the school's backup key file with --key FILE.");
        if (await TablesAsync(connectionString, ct) is > 0 and var tables)
            throw new InvalidOperationException($"The database in {DatabaseConnection.Describe(connectionString)} is not empty ({tables} tables): restore into a new, empty database.");

        var clear = encrypted ? Directory.CreateTempSubdirectory("stc-restore-") : null; // mode 700
        try
        {
            var archive = file;
            if (clear is not null)
            {
                archive = Path.Combine(clear.FullName, "backup.dump");
                await Tools.DecryptAsync(file, keyFile!, archive, ct);
            }
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", Libpq(connectionString), Path.GetFullPath(archive)], connectionString, ct);
        }
        finally
        {
            clear?.Delete(recursive: true);
        }
    }

    static async Task<bool> StartsWithAsync(string file, string prefix, CancellationToken ct)
    {
        var buffer = new byte[prefix.Length];
        await using var stream = File.OpenRead(file);
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return read == buffer.Length && System.Text.Encoding.ASCII.GetString(buffer) == prefix;
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

    static Process Start(string tool, IEnumerable<string> arguments, string? connectionString, bool stdin = false)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = stdin, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (connectionString is not null && new NpgsqlConnectionStringBuilder(connectionString).Password is { } password) start.Environment["PGPASSWORD"] = password;
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
    }

    static async Task RunAsync(string tool, string[] arguments, string connectionString, CancellationToken ct)
    {
        using var process = Start(LocalPostgres.Binary(tool), arguments, connectionString);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await stderr).Trim()}");
    }

    /// <summary>The age tool (Debian package <c>age</c>; <c>./stc</c> installs it).</summary>
    static class Tools
    {
        public static string Age => File.Exists("/usr/bin/age") ? "/usr/bin/age"
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "age")).FirstOrDefault(File.Exists)
              ?? throw new InvalidOperationException("The age encryption tool is not installed: sudo apt-get install -y age (./stc backup installs it).");

        public static async Task DecryptAsync(string file, string keyFile, string output, CancellationToken ct)
        {
            if (!File.Exists(keyFile)) throw new InvalidOperationException($"There is no key file at {keyFile}.");
            using var age = Start(Age, ["-d", "-i", keyFile, "-o", output, file], null);
            var stderr = age.StandardError.ReadToEndAsync(ct);
            _ = age.StandardOutput.ReadToEndAsync(ct);
            await age.WaitForExitAsync(ct);
            if (age.ExitCode == 0) return;
            var error = await stderr;
            throw new InvalidOperationException(error.Contains("no identity matched", StringComparison.Ordinal)
                ? $"The key in {keyFile} does not open {Path.GetFileName(file)}: the backup was encrypted for a different key. Use the school's backup key that was in use when it was made. Nothing was restored."
                : error.Contains("secret key", StringComparison.OrdinalIgnoreCase) || error.Contains("identity", StringComparison.OrdinalIgnoreCase)
                    ? $"{keyFile} is not an age key file (the school's key file starts with AGE-SECRET-KEY-1). Nothing was restored."
                    : $"age could not open {Path.GetFileName(file)}: {FirstLine(error)} Nothing was restored.");
        }

        public static string FirstLine(string error) =>
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Replace("age: error: ", "").Trim() ?? "no details";
    }
}
