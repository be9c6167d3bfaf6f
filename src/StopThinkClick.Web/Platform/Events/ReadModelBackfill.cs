using Marten;

namespace StopThinkClick.Web.Platform.Events;

/// <summary>Marks a read model as built from every event already stored, so it is built once per database.</summary>
public sealed record ReadModelBuilt(string Id, DateTimeOffset At);

/// <summary>
/// An inline projection only sees events appended after it exists. A database from before a read
/// model (an upgraded school) is replayed into it once, at start-up, before the app serves a page;
/// a fresh database has nothing to replay and is only marked. <paramref name="marker"/> names the
/// read model's version: a new marker rebuilds it once more.
/// </summary>
public sealed class ReadModelBackfill<TProjection>(IDocumentStore store, ILogger<ReadModelBackfill<TProjection>> log, string marker) : IHostedService
    where TProjection : class
{
    public string Marker => marker;

    public async Task StartAsync(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
            if (await query.LoadAsync<ReadModelBuilt>(marker, ct) is not null) return;

        if (await AnyEventsAsync(ct))
        {
            log.LogInformation("Building {ReadModel} from the events already stored", typeof(TProjection).Name);
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync<TProjection>(ct);
        }
        await using var session = store.LightweightSession();
        session.Store(new ReadModelBuilt(marker, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(ct);
    }

    async Task<bool> AnyEventsAsync(CancellationToken ct)
    {
        var stats = await store.Advanced.FetchEventStoreStatistics(token: ct);
        return stats.EventCount > 0;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class ReadModelBackfillSetup
{
    /// <summary>Builds <typeparamref name="TProjection"/>'s documents from the stored events once, at start-up, under <paramref name="marker"/>.</summary>
    public static IServiceCollection AddReadModelBackfill<TProjection>(this IServiceCollection services, string marker) where TProjection : class
    {
        services.ConfigureMarten(opts => opts.Schema.For<ReadModelBuilt>().SingleTenanted());
        return services.AddHostedService(sp => new ReadModelBackfill<TProjection>(
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<ILogger<ReadModelBackfill<TProjection>>>(), marker));
    }
}
