using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.Faults;

/// <summary>
/// The app on a PostgreSQL cluster of its own, which the fault tests stop, restart and lock. Page
/// queries give up after two seconds, so a stuck database shows a "busy" page quickly.
/// </summary>
public sealed class FaultApp : AppOnKestrel
{
    public OwnPostgres Postgres { get; } = new();

    protected override string Purpose => "faults";

    protected override Task<string> CreateDatabaseAsync() => Postgres.StartAsync();

    protected override async Task DropDatabaseAsync() => await Postgres.DisposeAsync();

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Database:CommandTimeoutSeconds", "2")];
}

[CollectionDefinition(nameof(FaultCollection))]
public sealed class FaultCollection : ICollectionFixture<FaultApp>;
