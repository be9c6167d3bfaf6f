using JasperFx;
using Marten;
using Npgsql;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;
using Weasel.Core;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>
/// The demo prints its logins on a console, so it must never land beside a real school's children:
/// <c>./stc run</c> used to seed two demo schools (a published password, two-step keys fixed in code)
/// into whatever database ConnectionStrings__Marten named, and <c>--reset</c> deleted every school's
/// events and documents there, not only the demo's.
/// </summary>
public sealed class DemoGuardTests
{
    [Fact]
    public async Task The_demo_refuses_a_configured_database_in_one_line_and_writes_nothing_there()
    {
        var database = await TestPostgres.CreateDatabaseAsync("demoguard");
        try
        {
            await using var demo = new ExternalApp(TestPostgres.ConnectionString(database), program: "StopThinkClick.Demo.dll");
            (await demo.RunToExitAsync()).ShouldNotBe(0);
            demo.Output.ShouldHaveSingleItem().ShouldContain("unset it");
            (await TablesAsync(TestPostgres.ConnectionString(database))).ShouldBe(0);
        }
        finally
        {
            await TestPostgres.DropAsync(database);
        }
    }

    [Fact]
    public async Task Demo_seeding_and_reset_are_refused_on_a_database_with_a_real_school_and_nothing_is_written_or_deleted()
    {
        await using var postgres = new OwnPostgres();
        var connection = await postgres.StartAsync("stopthinkclick");
        await RealSchoolAsync(connection);

        foreach (var arguments in new[] { Array.Empty<string>(), ["--reset"] })
        {
            postgres.Server.EnsureStarted(); // the demo stops its database when it exits, as ./stc run does
            await using var demo = DemoStopTests.DemoOn(postgres, arguments);
            (await demo.RunToExitAsync()).ShouldNotBe(0, string.Join('\n', demo.Output));
            demo.Output.Count(l => l.Contains("real school (Hollybush Primary School)")).ShouldBe(1, string.Join('\n', demo.Output));
            demo.Output.ShouldNotContain(l => l.Contains("Exception"), string.Join('\n', demo.Output));
        }

        postgres.Server.EnsureStarted();
        await using var store = StoreOn(connection);
        await using var query = store.QuerySession();
        (await query.Query<School>().Where(s => s.AnyTenant()).Select(s => s.Name).ToListAsync()).ShouldBe(["Hollybush Primary School"]);
        await using var events = store.QuerySession("urn-100001");
        (await events.Events.FetchStreamAsync(Stream)).Count.ShouldBe(1);
    }

    static readonly Guid Stream = Guid.NewGuid();

    /// <summary>A school that is not the demo's, with one event of its own, written as the app writes them.</summary>
    static async Task RealSchoolAsync(string connection)
    {
        await using var store = StoreOn(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var session = store.LightweightSession("urn-100001");
        session.Store(new School("urn-100001", "Hollybush Primary School", "Ms Lead") { Urn = "100001" });
        session.Events.StartStream(Stream, new SomethingHappened(DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    public sealed record SomethingHappened(DateTimeOffset At);

    static DocumentStore StoreOn(string connection) => DocumentStore.For(o =>
    {
        o.Connection(connection);
        o.DatabaseSchemaName = "stc";
        o.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        o.Policies.AllDocumentsAreMultiTenanted();
        o.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
    });

    static async Task<long> TablesAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')", db);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
