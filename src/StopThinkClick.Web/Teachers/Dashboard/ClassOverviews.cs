using Marten;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using Weasel.Postgresql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Schools.Settings;
using StopThinkClick.Web.Teachers.Coverage;

namespace StopThinkClick.Web.Teachers.Dashboard;

/// <summary>
/// The class dashboard's overview, built from the projected rows and kept per class for as long as
/// nothing it was built from has changed. Every request first asks PostgreSQL for the class's
/// <em>version</em>: one short statement over the class document, its pupils (on roll or not), their
/// coverage rows and its live-session summaries, hashing the version Marten stamps on each of them at
/// every write. If that matches the kept copy, the copy is shown; if not (a pupil finished a lesson,
/// joined, moved or was erased, the class was renamed or given another teacher, a session ended), the
/// overview is read and built again. Because the version lives in the database, a change made
/// through the other node is seen at once: no message between nodes, nothing to invalidate, never a
/// page older than the database. The version is read before the rows, so a change that lands between
/// the two is newer than the kept version and is built again on the next request.
/// </summary>
public sealed class ClassOverviews(IDocumentStore store, Catalogue catalogue, TimeProvider clock, SchoolContexts schools)
{
    // The class index on pupils and summaries is on (data ->> 'ClassId')::uuid; the same expression uses it.
    readonly string versionSql = VersionSql(store.Options);
    // Its own cache with a size limit: a school has tens of classes, a busy node a few hundred.
    readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    sealed record Kept(string Version, int SchoolYear, ClassOverview Overview);

    // At most this many views ask PostgreSQL at once; the rest wait their turn here. On a small
    // server, more database backends working at once than it has cores only adds waiting: sixteen
    // at once on two cores put one view in twenty past 8-10 ms, four at once kept it near 6 ms at
    // the same throughput (the demo under wrk; docs/performance.md).
    readonly SemaphoreSlim asking = new(Math.Max(2, 2 * Environment.ProcessorCount));

    /// <summary>The class's overview, or null if the class does not exist in this school.</summary>
    public async Task<ClassOverview?> ForAsync(IQuerySession school, Guid classId, CancellationToken ct)
    {
        await asking.WaitAsync(ct);
        try
        {
            return await ReadAsync(school, classId, ct);
        }
        finally
        {
            asking.Release();
        }
    }

    async Task<ClassOverview?> ReadAsync(IQuerySession school, Guid classId, CancellationToken ct)
    {
        var version = await VersionAsync(school, classId, ct);
        if (version is null) return null;
        var now = clock.GetUtcNow();
        // "Signed this year's promises" turns over on the school's first day even when nothing was written.
        var calendar = (await schools.ForAsync(school.TenantId, ct)).Calendar;
        var year = calendar.YearOf(now);
        var key = (school.TenantId, classId);
        if (kept.TryGetValue(key, out Kept? found) && found!.Version == version && found.SchoolYear == year) return found.Overview;

        var overview = await BuildAsync(school, classId, now, calendar, ct);
        if (overview is not null)
            kept.Set(key, new Kept(version, year, overview), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) });
        return overview;
    }

    async Task<ClassOverview?> BuildAsync(IQuerySession school, Guid classId, DateTimeOffset now, SchoolCalendar calendar, CancellationToken ct)
    {
        // One round trip: the class, its pupils with their projected rows, who missed the last sessions.
        var batch = school.CreateBatchQuery();
        var found = batch.Load<SchoolClass>(classId);
        var rows = ClassRows.Queue(school, batch, classId);
        var absences = batch.Query<LiveSessionSummary>().Where(s => s.ClassId == classId).OrderByDescending(s => s.EndedAt).Take(10)
            .Select(s => new ClassOverview.SessionAbsences(s.Absent)).ToList();
        await batch.Execute(ct);
        return await found is { } cls ? ClassOverview.Build(cls, await rows.ReadAsync(), await absences, catalogue, now, calendar) : null;
    }

    /// <summary>A hash of the version of everything the overview is built from; null when there is no such class.</summary>
    async Task<string?> VersionAsync(IQuerySession school, Guid classId, CancellationToken ct)
    {
        // Straight on Marten's own pool, prepared: planning this statement cost more than running it,
        // and a prepared statement is planned once per pooled connection instead of on every view.
        var database = (PostgresqlDatabase)school.Database;
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(versionSql, connection) { Parameters = { new() { Value = school.TenantId }, new() { Value = classId } } };
        await command.PrepareAsync(ct);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    static string VersionSql(IReadOnlyStoreOptions options) => $"""
        select md5(c.mt_version::text
          || '|' || coalesce((select string_agg(p.id::text || ':' || p.mt_version::text || ':' || coalesce(r.mt_version::text, '-'), ',' order by p.id)
               from {options.Schema.For<Pupil>()} as p left join {options.Schema.For<PupilCoverage>()} as r on r.tenant_id = p.tenant_id and r.id = p.id
               where p.tenant_id = c.tenant_id and CAST(p.data ->> 'ClassId' as uuid) = c.id), '')
          || '|' || coalesce((select string_agg(s.id::text || ':' || s.mt_version::text, ',' order by s.id)
               from {options.Schema.For<LiveSessionSummary>()} as s
               where s.tenant_id = c.tenant_id and CAST(s.data ->> 'ClassId' as uuid) = c.id), ''))
        from {options.Schema.For<SchoolClass>()} as c where c.tenant_id = $1 and c.id = $2
        """;
}
