using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Marten;
using Npgsql;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Schools;

/// <summary>
/// docs/operations.md, "Your first school in ten minutes", followed as a technician would: a database
/// and role of its own (not a superuser), the settings block and the <c>school add</c> command read out of
/// the page itself, <c>./stc doctor</c>, the app served in Production, and the admin and the lead each
/// getting in through their own printed link — with no demo school anywhere. A change to the page that
/// breaks a step breaks this test. Before, no code but the demo seeder could write a school.
/// </summary>
public sealed partial class FirstSchoolTests
{
    const string Password = "a long first password 1";

    [Fact]
    public async Task The_first_school_section_of_the_operations_guide_works_line_by_line()
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "operations.md"));
        var settingsBlock = BlockAfter(guide, "<!-- first-school settings -->");
        var command = Words(BlockAfter(guide, "<!-- first-school command -->").Replace("\\\n", " "));
        command[0].ShouldBe("./stc");

        // Step 2: a database of its own, owned by a role that is not a superuser.
        var (role, database, secret) = ("stc_first_" + Guid.NewGuid().ToString("N")[..8], "stc_first_" + Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString("N"));
        await SuperuserAsync($"create role {role} login password '{secret}'");
        await SuperuserAsync($"create database {database} owner {role}");
        var keys = Directory.CreateTempSubdirectory("stc-first-school-");
        try
        {
            var served = new Dictionary<string, string>(); // filled in below, once the app's port is known
            await using var app = new ExternalApp(null, served);
            // Step 4: the settings as written, with this server's own values where the page says to put yours.
            var settings = settingsBlock.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());
            var connection = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings__Marten"])
            {
                Host = "127.0.0.1", Port = TestPostgres.Server.Port, Database = database, Username = role, Password = secret,
            }.ConnectionString;
            var address = settings["App__PublicUrl"];
            settings["ConnectionStrings__Marten"] = connection;
            settings["App__PublicUrl"] = app.BaseUrl;
            settings["Backups__Recipients"] = await AgePublicKeyAsync(keys.FullName);
            settings["DataProtection__KeyFile"] = Path.Combine(keys.FullName, Path.GetFileName(settings["DataProtection__KeyFile"]));
            settings["ASPNETCORE_ENVIRONMENT"] = "Production";

            // Step 5: the doctor finds nothing wrong (warnings only).
            var doctor = await ExternalApp.CommandAsync(settings, "doctor");
            doctor.Exit.ShouldBe(0, doctor.Output + doctor.Errors);
            doctor.Output.ShouldContain("Ready for a real school.");
            doctor.Output.ShouldNotContain("PROBLEM");

            // Step 6: the command as printed (the school's address is this server's here).
            var add = await ExternalApp.CommandAsync(settings, command.Skip(1).Select(w => w == address ? app.BaseUrl : w).ToArray());
            add.Exit.ShouldBe(0, add.Errors);
            var adminLink = LinkAfter(add.Output, "For the school admin");
            var leadLink = LinkAfter(add.Output, "For the designated safeguarding lead");

            // Step 7: served in Production, where every start-up check passes.
            foreach (var (key, value) in settings) served[key] = value;
            await app.StartAsync();

            // Step 8: the admin and the lead, each through their own link.
            var (adminEmail, leadEmail) = (Option(command, "--admin"), Option(command, "--lead"));
            (await FirstSignIn.ChoosePasswordAsync(adminLink, Password)).Body.ShouldContain("your password is set");
            var head = await FirstSignIn.SignInAndSetUpTwoStepAsync(app.BaseUrl, adminEmail, Password);
            (await head.GetAsync("/admin")).Body.ShouldContain(WebUtility.HtmlEncode(Option(command, "--name")));
            (await head.GetAsync("/safeguarding")).Status.ShouldNotBe(HttpStatusCode.OK, "the admin does not read concerns");
            (await FirstSignIn.ChoosePasswordAsync(adminLink, "another password 22")).Body.ShouldContain("already been used");

            (await FirstSignIn.ChoosePasswordAsync(leadLink, Password)).Body.ShouldContain("your password is set");
            var lead = await FirstSignIn.SignInAndSetUpTwoStepAsync(app.BaseUrl, leadEmail, Password);
            (await lead.GetAsync("/safeguarding")).Status.ShouldBe(HttpStatusCode.OK);

            await using var store = DocumentStore.For(o => { o.Connection(connection); o.DatabaseSchemaName = "stc"; o.Policies.AllDocumentsAreMultiTenanted(); });
            await using var query = store.QuerySession();
            (await query.Query<School>().Where(s => s.AnyTenant()).ToListAsync()).ShouldHaveSingleItem().Demo.ShouldBeFalse("no demo school anywhere");
        }
        finally
        {
            await TestPostgres.DropAsync(database);
            await SuperuserAsync($"drop role if exists {role}");
            keys.Delete(recursive: true);
        }
    }

    static string BlockAfter(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"docs/operations.md has no {marker}");
        var open = text.IndexOf("```", start, StringComparison.Ordinal) + 3;
        open = text.IndexOf('\n', open) + 1;
        var close = text.IndexOf("```", open, StringComparison.Ordinal);
        return string.Join('\n', text[open..close].Split('\n').Select(l => l.Trim()));
    }

    /// <summary>A shell command line split into its words, as bash would (double quotes only: the page uses no others).</summary>
    static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in line + " ")
        {
            if (c == '"') { quoted = !quoted; continue; }
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (word.Length > 0) words.Add(word.ToString());
                word.Clear();
            }
            else word.Append(c);
        }
        return words;
    }

    static string Option(List<string> command, string name) => command[command.IndexOf(name) + 1];

    static string LinkAfter(string output, string whose)
    {
        var lines = output.Split('\n');
        var i = Array.FindIndex(lines, l => l.Contains(whose));
        i.ShouldBeGreaterThanOrEqualTo(0, output);
        return lines[i + 1].Trim();
    }

    /// <summary>Step 3, on "the school's computer": a real age key, of which the server is given only the public half.</summary>
    static async Task<string> AgePublicKeyAsync(string folder)
    {
        using var keygen = Process.Start(new ProcessStartInfo("age-keygen", ["-o", Path.Combine(folder, "school-backup.key")]) { RedirectStandardError = true })!;
        var said = await keygen.StandardError.ReadToEndAsync();
        await keygen.WaitForExitAsync();
        return PublicKey().Match(said).Value;
    }

    static async Task SuperuserAsync(string sql)
    {
        await using var db = new NpgsqlConnection(TestPostgres.Server.SuperuserConnectionString("postgres"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("age1[0-9a-z]+")]
    private static partial Regex PublicKey();
}
