using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Npgsql;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Schools;

/// <summary>
/// <c>./stc school add</c> and <c>./stc trust add</c> against a database of their own: each first link to
/// its own person, and every mistake refused in one line with nothing written. (The whole way from the
/// command to the admin and lead signed in: <see cref="FirstSchoolTests"/>.)
/// </summary>
public sealed partial class SchoolSetUpTests
{
    [Fact]
    public async Task With_the_schools_mail_server_each_link_goes_to_its_own_person_and_none_is_printed()
    {
        var database = await TestPostgres.CreateDatabaseAsync("setupmail");
        await using var smtp = new SmtpSink();
        try
        {
            var environment = new Dictionary<string, string>(Database(TestPostgres.ConnectionString(database)))
            {
                ["Mail__SmtpHost"] = "127.0.0.1", ["Mail__SmtpPort"] = smtp.Port.ToString(), ["Mail__EnableSsl"] = "false", ["Mail__From"] = "esafety@hollybush.test",
            };
            var add = await ExternalApp.CommandAsync(environment, AddHollybush("https://esafety.hollybush.test"));
            add.Exit.ShouldBe(0, add.Errors);
            add.Output.ShouldNotContain("set-password");
            await Eventually.TrueAsync(() => smtp.To("head@hollybush.test").Count == 1 && smtp.To("dsl@hollybush.test").Count == 1, "one e-mail each");
            var (toHead, toLead) = (smtp.To("head@hollybush.test")[0], smtp.To("dsl@hollybush.test")[0]);
            var headLink = Regex.Match(toHead.Body, @"https://esafety\.hollybush\.test/account/set-password\S+").Value;
            var leadLink = Regex.Match(toLead.Body, @"https://esafety\.hollybush\.test/account/set-password\S+").Value;
            headLink.ShouldNotBeEmpty();
            leadLink.ShouldNotBeEmpty();
            toHead.Body.ShouldNotContain(leadLink, Case.Sensitive, "the admin never sees the lead's link");
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    [Fact]
    public async Task Bad_input_a_second_school_with_the_same_URN_and_a_wrong_database_password_are_refused_in_one_line_and_write_nothing()
    {
        var database = await TestPostgres.CreateDatabaseAsync("setupbad");
        try
        {
            var connection = TestPostgres.ConnectionString(database);
            var environment = Database(connection);

            var bad = await ExternalApp.CommandAsync(environment, [.. AddHollybush("https://esafety.hollybush.test")[..^2], "--urn", "1234"]);
            bad.Exit.ShouldBe(2);
            bad.Errors.Trim().ShouldHaveSingleItem_Line().ShouldContain("--urn: \"1234\" is not a DfE URN");
            (await TablesAsync(connection)).ShouldBe(0, "nothing is written, not even the schema");

            (await ExternalApp.CommandAsync(environment, AddHollybush("https://esafety.hollybush.test"))).Exit.ShouldBe(0);
            string[] again = [.. AddHollybush("https://esafety.oak.test"), "--name", "Hollybush Again"];
            again = Replace(Replace(again, "--admin", "head@other.test"), "--lead", "dsl@other.test");
            var twice = await ExternalApp.CommandAsync(environment, again);
            twice.Exit.ShouldBe(2);
            twice.Errors.Trim().ShouldHaveSingleItem_Line().ShouldContain("URN 100001 is already set up here as Hollybush Primary School: nothing was written");
            (await CountAsync(connection, "mt_doc_adultaccount")).ShouldBe(2);
            (await CountAsync(connection, "mt_doc_school")).ShouldBe(1);

            var wrong = new NpgsqlConnectionStringBuilder(connection) { Password = "not-the-password" }.ConnectionString;
            var refused = await ExternalApp.CommandAsync(Database(wrong), AddHollybush("https://esafety.hollybush.test"));
            refused.Exit.ShouldBe(1);
            refused.Errors.Trim().ShouldHaveSingleItem_Line().ShouldContain("the password in ConnectionStrings__Marten is wrong");
            refused.Errors.ShouldNotContain("not-the-password");
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_trust_is_added_once_and_its_schools_are_set_up_in_it()
    {
        var database = await TestPostgres.CreateDatabaseAsync("setuptrust");
        try
        {
            var environment = Database(TestPostgres.ConnectionString(database));
            (await ExternalApp.CommandAsync(environment, "trust", "add", "--name", "Oak Learning Trust")).Output.ShouldContain("--trust oak-learning-trust");
            (await ExternalApp.CommandAsync(environment, "trust", "add", "--name", "Oak Learning Trust")).Exit.ShouldBe(2);
            (await ExternalApp.CommandAsync(environment, [.. AddHollybush("https://esafety.hollybush.test"), "--trust", "no-such-trust"])).Errors.ShouldContain("there is no trust \"no-such-trust\"");
            (await ExternalApp.CommandAsync(environment, [.. AddHollybush("https://esafety.hollybush.test"), "--trust", "oak-learning-trust"])).Exit.ShouldBe(0);
            (await ExternalApp.CommandAsync(environment, "school", "list")).Output.ShouldContain("trust oak-learning-trust");
            (await ExternalApp.CommandAsync(environment, "trust", "list")).Output.ShouldContain("Oak Learning Trust (1 schools)");
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    static string[] AddHollybush(string address) =>
    [
        "school", "add", "--name", "Hollybush Primary School", "--address", address, "--time-zone", "Europe/London", "--year-starts", "09-01", "--languages", "en,pl",
        "--admin", "head@hollybush.test", "--admin-name", "Mrs A Head", "--lead", "dsl@hollybush.test", "--lead-name", "Mr B Lead", "--urn", "100001",
    ];

    static string[] Replace(string[] args, string option, string value) => args.Select((a, i) => i > 0 && args[i - 1] == option ? value : a).ToArray();

    static Dictionary<string, string> Database(string connection) => new() { ["ConnectionStrings__Marten"] = connection };

    static async Task<long> TablesAsync(string connection) =>
        await ScalarAsync(connection, "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");

    static async Task<long> CountAsync(string connection, string table) => await ScalarAsync(connection, $"select count(*) from stc.{table}");

    static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

static class OneLine
{
    /// <summary>The text, which must be a single line (a refusal says what to do in one line).</summary>
    public static string ShouldHaveSingleItem_Line(this string text) => text.Split('\n').ShouldHaveSingleItem();
}
