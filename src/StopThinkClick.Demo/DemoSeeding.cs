using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";
    /// <summary>Delete every event and document first, for a fresh demo with new logins (<c>./stc run --reset</c>).</summary>
    public bool Reset { get; set; }
}

/// <summary>
/// Before serving: seeds the demo schools that are missing (after <see cref="DemoGuard"/> allows it),
/// and once listening writes their term and prints the URL and their logins.
/// </summary>
public sealed class DemoSeeding(IServiceProvider services, IDocumentStore store, IOptions<DemoOptions> options, IHostApplicationLifetime lifetime,
    IServer server, ILogger<DemoSeeding> logger) : IBeforeServing
{
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var reset = options.Value.Reset;
        DemoKey? key;
        await using (var query = store.QuerySession())
        {
            var schools = await query.Query<School>().Where(s => s.AnyTenant()).ToListAsync(ct);
            key = await query.LoadAsync<DemoKey>(DemoKey.TheId, ct);
            if (DemoGuard.Refusal(schools, await TenantsWithStreamsAsync(ct), key is not null, reset) is { } refusal)
                return [refusal];
        }
        if (reset)
        {
            logger.LogWarning("Resetting the demo: deleting every event and document of its database");
            await store.Advanced.Clean.DeleteAllDocumentsAsync(ct);
            await store.Advanced.Clean.DeleteAllEventDataAsync(ct);
            key = null;
        }
        if (key is null)
        {
            key = DemoKey.New();
            await using var session = store.LightweightSession();
            session.Store(key);
            await session.SaveChangesAsync(ct);
        }

        var plans = DemoSchools.Plans(key.Secrets);
        foreach (var plan in plans)
        {
            await using var query = store.QuerySession(plan.Id);
            if (await query.LoadAsync<School>(plan.Id, ct) is not null) continue;
            await SchoolSeeder.WriteAsync(store, plan, ct);
            logger.LogInformation("Seeded the demo school {School}", plan.Name);
        }
        WriteTheTermOnceServing(plans);
        return [];
    }

    /// <summary>The demo term is written once serving (its live sessions need the running app); the logins follow it.</summary>
    void WriteTheTermOnceServing(IReadOnlyList<SchoolPlan> plans)
    {
        var term = Task.CompletedTask;
        lifetime.ApplicationStarted.Register(() => term = Task.Run(async () =>
        {
            try { await DemoSchools.WriteTermsAsync(services, plans, CancellationToken.None); }
            catch (Exception e) { logger.LogError(e, "The demo term could not be written"); }
            var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
            Console.WriteLine(Environment.NewLine + DemoSchools.Logins(url, plans));
        }));
        // Ctrl+C in the first seconds waits for the term (before the live pipeline's writer stops):
        // cancelled half-way, every cancelled write printed its stack trace, and the next start saw
        // events, took the term as written and left the demo half-made for good.
        lifetime.ApplicationStopping.Register(() =>
        {
            if (term.IsCompleted) return;
            Console.WriteLine("Finishing the demo term before stopping (a few seconds)…");
            term.Wait(TimeSpan.FromSeconds(60));
        });
    }

    /// <summary>The schools that own event streams, read straight from Marten's streams table (documents may have been deleted).</summary>
    async Task<IReadOnlyCollection<string>> TenantsWithStreamsAsync(CancellationToken ct)
    {
        var connection = services.GetRequiredService<EventStoreConnection>().ConnectionString;
        var schema = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Schema;
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select distinct tenant_id from \"{schema}\".mt_streams", db);
        var tenants = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tenants.Add(reader.GetString(0));
        return tenants.Where(t => t != "*DEFAULT*").ToList();
    }
}
