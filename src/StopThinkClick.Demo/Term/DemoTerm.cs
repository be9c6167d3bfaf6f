using System.Diagnostics;
using Bogus;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.Demo.Term;

/// <summary>
/// An autumn term behind a demo school, so that on first run every dashboard, the coverage report,
/// the AUP pages, the parent's pages and the safeguarding log have something true to show. All of
/// it is written as the real events, through the code paths the app's pages and live sessions use,
/// so every projection (today's and tomorrow's) reads it as it would read a real term. A fixed seed
/// per school: every run shows the same term (dated from this school year's September).
/// </summary>
public static class DemoTerm
{
    /// <summary>Writes the term unless the school already has events (a second run adds nothing). Returns whether it wrote.</summary>
    public static async Task<bool> WriteAsync(IServiceProvider services, SchoolPlan plan, int seed, CancellationToken ct = default)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await using (var query = store.QuerySession(plan.Id))
            if (await query.Events.QueryAllRawEvents().AnyAsync(ct)) return false;

        var catalogue = services.GetRequiredService<Catalogue>();
        var term = new TermClock(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoTerm));
        var watch = Stopwatch.StartNew();

        await PupilWork.WriteAsync(store, plan, catalogue, term, faker, ct);
        var live = new LiveLessons(services.GetRequiredService<LiveSessions>(), new LiveSessionLifecycle(store, catalogue, term), catalogue, term, faker);
        await live.RunAsync(plan, ct);
        await ParentSignatures.WriteAsync(store, plan, catalogue, term, ct);
        await Concerns.WriteAsync(store, plan, term, ct);
        logger.LogInformation("Wrote an autumn term for {School} in {Seconds:0.0} s", plan.Name, watch.Elapsed.TotalSeconds);
        return true;
    }
}
