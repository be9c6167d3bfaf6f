using Marten;

namespace StopThinkClick.Web.Safeguarding.Concerns;

/// <summary>
/// Puts right concern texts written before authors were kept. Those stored a staff member's account
/// with the pupil as author (so the page called it "the pupil's own words" and erasure deleted it).
/// From the concern's own stream we know who really wrote each: a note names its writer, a staff
/// record's account is its recorder's, and only a child's own press carries the child's words.
/// Runs at start-up, before the app serves; touches only texts with no author, so running it twice
/// changes nothing the second time.
/// </summary>
public sealed class ConcernTextAuthorMigration(IDocumentStore store, ILogger<ConcernTextAuthorMigration> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct) => await RunAsync(ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var fixedCount = 0;
        foreach (var school in await SchoolsWithTextsAsync(ct))
        {
            await using var session = store.LightweightSession(school);
            // Compared in memory: a text from before the field existed has no "author" in its JSON at all.
            var old = (await session.Query<ConcernText>().ToListAsync(ct)).Where(t => t.Author == TextAuthor.Unknown).ToList();
            if (old.Count == 0) continue;
            var concerns = (await session.LoadManyAsync<Concern>(ct, old.Select(t => t.ConcernId).Distinct())).ToDictionary(c => c.Id);
            foreach (var text in old)
            {
                if (!concerns.TryGetValue(text.ConcernId, out var concern)) continue;
                session.Store(Corrected(text, concern));
                fixedCount++;
            }
            await session.SaveChangesAsync(ct);
        }
        if (fixedCount > 0) log.LogInformation("Concern texts given their real author: {Count}", fixedCount);
        return fixedCount;
    }

    public static ConcernText Corrected(ConcernText text, Concern concern)
    {
        var note = concern.Timeline.FirstOrDefault(e => e.NoteId == text.Id);
        if (note is not null) return text with { Author = TextAuthor.Staff, AuthorId = note.By };
        if (concern.Source == ConcernSource.StaffRecord) return text with { Author = TextAuthor.Staff, AuthorId = concern.RaisedBy };
        return text with { Author = TextAuthor.Pupil, AuthorId = concern.PupilId };
    }

    async Task<IReadOnlyList<string>> SchoolsWithTextsAsync(CancellationToken ct)
    {
        var table = store.Options.Schema.For<ConcernText>();
        await using var session = store.QuerySession();
        return await session.AdvancedSql.QueryAsync<string>($"select distinct tenant_id from {table}", ct);
    }
}
