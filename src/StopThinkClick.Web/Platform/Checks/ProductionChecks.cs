using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Settings;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.Platform.Checks;

public enum CheckLevel { Fine, Warning, Problem }

/// <summary>One line of the checks: what was found, and for a warning or problem, what to do.</summary>
public sealed record CheckResult(CheckLevel Level, string Text);

/// <summary>
/// What must be true before a real school's children use this server, read from the settings and the
/// database without starting anything: Production refuses to start while any problem remains (one line
/// each), and <c>./stc doctor</c> prints every line, warnings too (docs/operations.md).
/// </summary>
public sealed class ProductionChecks(IConfiguration configuration, IDocumentStore store, EventStoreConnection database, SchoolContexts contexts,
    IOptions<PublicAddressOptions> address, IOptions<MailOptions> mail)
{
    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var schools = await query.Query<School>().Where(s => s.AnyTenant()).ToListAsync(ct);
        return
        [
            await PublicAddressAsync(schools, ct),
            DemoSchools(schools),
            BackupKey(),
            await DatabaseRoleAsync(ct),
            Mail(),
            ProxyHeaders(),
        ];
    }

    async Task<CheckResult> PublicAddressAsync(IReadOnlyList<School> schools, CancellationToken ct)
    {
        if (address.Value.PublicUrl is { Length: > 0 } server) return new(CheckLevel.Fine, $"Public address: {server}.");
        var without = new List<string>();
        foreach (var school in schools.Where(s => !s.Demo))
            if ((await contexts.ForAsync(school.Id, ct)).Settings.PublicAddress is not { Length: > 0 }) without.Add(school.Name);
        if (schools.Count > 0 && without.Count == 0) return new(CheckLevel.Fine, "Public address: each school has its own.");
        return new(CheckLevel.Problem, "No public address" + (without.Count > 0 ? $" for {string.Join(", ", without.Take(3))}" : "") +
            ": set App__PublicUrl=https://… (the address people type), so e-mailed links and printed QR codes point at the school's own site and never at a Host header.");
    }

    static CheckResult DemoSchools(IReadOnlyList<School> schools) => schools.Where(s => s.Demo).Select(s => s.Name).ToList() is { Count: > 0 } demo
        ? new(CheckLevel.Problem, $"A demo school is in this database ({string.Join(", ", demo.Take(2))}), whose logins were printed on a console: " +
                                  "give real schools a database of their own (the demo runs only in a checkout's own, with ./stc run).")
        : new(CheckLevel.Fine, "No demo school in the database.");

    CheckResult BackupKey()
    {
        var keys = (configuration["Backups:Recipients"] ?? "").Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length > 0 && keys.All(k => k.StartsWith("age1", StringComparison.Ordinal)))
            return new(CheckLevel.Fine, $"Backups are encrypted to {keys.Length} key(s).");
        return new(CheckLevel.Problem, keys.Length == 0
            ? "No backup key: make the school's key off this server (age-keygen -o school-backup.key) and set Backups__Recipients to the age1… public key it prints."
            : "Backups__Recipients holds something that is not an age public key (they start with age1): give the public key age-keygen printed, never the key file.");
    }

    async Task<CheckResult> DatabaseRoleAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select current_user, rolsuper from pg_roles where rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (role, super) = (reader.GetString(0), reader.GetBoolean(1));
        return super
            ? new(CheckLevel.Problem, $"The database role {role} is a superuser: give the app a role of its own that owns only its database " +
                                      "(CREATE ROLE stc LOGIN PASSWORD '…'; CREATE DATABASE stc OWNER stc) and put it in ConnectionStrings__Marten.")
            : new(CheckLevel.Fine, $"The database role {role} is not a superuser.");
    }

    CheckResult Mail() => mail.Value.Configured
        ? new(CheckLevel.Fine, $"Mail goes through {mail.Value.SmtpHost}.")
        : new(CheckLevel.Warning, "No mail server (Mail__SmtpHost, Mail__From): sign-in links are shown to the admin to hand over in person, " +
                                  "and a safeguarding lead can only be helped back in by another lead.");

    CheckResult ProxyHeaders()
    {
        var https = address.Value.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false;
        var listensTls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase);
        if (configuration.GetValue<bool>("Web:BehindProxy")) return new(CheckLevel.Fine, "Behind a TLS proxy: its X-Forwarded-Proto and -For are trusted.");
        return https && !listensTls
            ? new(CheckLevel.Warning, "The public address is https but Web__BehindProxy is not true: behind the TLS proxy, cookies are not marked Secure " +
                                      "and every sign-in limit counts the proxy's address; set Web__BehindProxy=true.")
            : new(CheckLevel.Fine, "No TLS proxy named (Web__BehindProxy): fine when Kestrel itself serves https or nobody reaches it from outside.");
    }
}
