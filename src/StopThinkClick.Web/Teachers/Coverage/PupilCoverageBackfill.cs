using Marten;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>Marks a read model as built from every event already stored, so it is built once per database.</summary>
public sealed record ReadModelBuilt(string Id, DateTimeOffset At);

/// <summary>
/// An inline projection only sees events appended after it exists. A database from before the
/// coverage rows (an upgraded school) is replayed into them once, at start-up, before the app
/// serves a page; a fresh database has nothing to replay and is only marked.
/// </summary>
public sealed class PupilCoverageBackfill(IDocumentStore store, ILogger<PupilCoverageBackfill> log) : IHostedService
{
    const string Marker = "pupil-coverage-v1";

    public async Task StartAsync(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
            if (await query.LoadAsync<ReadModelBuilt>(Marker, ct) is not null) return;

        if (await AnyEventsAsync(ct))
        {
            log.LogInformation("Building the coverage rows from the events already stored");
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync<PupilCoverageProjection>(ct);
        }
        await using var session = store.LightweightSession();
        session.Store(new ReadModelBuilt(Marker, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(ct);
    }

    async Task<bool> AnyEventsAsync(CancellationToken ct)
    {
        var stats = await store.Advanced.FetchEventStoreStatistics(token: ct);
        return stats.EventCount > 0;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
