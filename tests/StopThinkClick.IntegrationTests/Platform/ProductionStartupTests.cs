using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>
/// In Production the app refuses to start, one line per problem, while a real school's children would
/// be at risk: no public address (links would follow a forged Host header), a demo school present (its
/// logins were printed on a console), backups with no key to encrypt them to, or a superuser database
/// role. <c>./stc doctor</c> prints the same checks, and warnings, without starting anything.
/// Before, the app started in every one of these cases.
/// </summary>
public sealed class ProductionStartupTests
{
    const string BackupKey = "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";

    public enum Problem { NoPublicAddress, DemoSchool, NoBackupKey, SuperuserRole }

    [Theory]
    [InlineData(Problem.NoPublicAddress, "No public address")]
    [InlineData(Problem.DemoSchool, "A demo school is in this database (Test school")]
    [InlineData(Problem.NoBackupKey, "No backup key")]
    [InlineData(Problem.SuperuserRole, "The database role postgres is a superuser")]
    public async Task Production_refuses_to_start_with_one_line_naming_the_problem(Problem problem, string line)
    {
        var database = await TestPostgres.CreateDatabaseAsync("production");
        try
        {
            var connection = problem == Problem.SuperuserRole ? TestPostgres.Server.SuperuserConnectionString(database) : TestPostgres.ConnectionString(database);
            if (problem == Problem.DemoSchool) await DemoSchoolAsync(TestPostgres.ConnectionString(database));
            var settings = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Backups__Recipients"] = BackupKey };
            await using var app = new ExternalApp(connection, settings);
            if (problem != Problem.NoPublicAddress) settings["App__PublicUrl"] = app.BaseUrl;
            if (problem == Problem.NoBackupKey) settings.Remove("Backups__Recipients");

            (await app.RunToExitAsync()).ShouldBe(1);
            var output = string.Join('\n', app.Output);
            app.Output.Count(l => l.StartsWith(line, StringComparison.Ordinal)).ShouldBe(1, output);
            app.Output.ShouldNotContain(l => l.Contains("Exception"), output);
            foreach (var other in new[] { "No public address", "A demo school", "No backup key", "is a superuser" }.Where(o => !line.StartsWith(o) && !line.EndsWith(o)))
                output.ShouldNotContain(other);
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    [Fact]
    public async Task Doctor_prints_every_problem_and_warning_without_starting_the_app()
    {
        var database = await TestPostgres.CreateDatabaseAsync("doctor");
        try
        {
            await DemoSchoolAsync(TestPostgres.ConnectionString(database));
            var doctor = await ExternalApp.CommandAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__Marten"] = TestPostgres.Server.SuperuserConnectionString(database),
                ["App__PublicUrl"] = "https://esafety.hollybush.test", ["urls"] = "http://127.0.0.1:1",
            }, "doctor");
            doctor.Exit.ShouldBe(1, doctor.Errors);
            var lines = doctor.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Count(l => l.StartsWith("PROBLEM")).ShouldBe(3, doctor.Output); // the address is set; demo, backups, superuser are not right
            lines.ShouldContain(l => l.StartsWith("warning") && l.Contains("No mail server"));
            lines.ShouldContain(l => l.StartsWith("warning") && l.Contains("Web__BehindProxy"));
            lines.ShouldContain(l => l.StartsWith("ok") && l.Contains("Public address: https://esafety.hollybush.test"));
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    /// <summary>A school written by the demo's seeder (as ./stc run would), in an app of the test's own on this database.</summary>
    static async Task DemoSchoolAsync(string connection)
    {
        await using var app = new OnDatabase(connection);
        await app.InitializeAsync();
        await app.NewSchoolAsync();
        await app.DisposeAsync();
    }

    sealed class OnDatabase(string connection) : AppOnKestrel
    {
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connection);
        protected override Task DropDatabaseAsync() => Task.CompletedTask;
    }
}
