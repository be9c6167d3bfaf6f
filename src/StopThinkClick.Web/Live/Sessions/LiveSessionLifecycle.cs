using System.Security.Cryptography;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Live.Sessions;

/// <summary>Starting a live session (its stream, index card and join code) and ending it (summary, pupils' progress, code retired).</summary>
public sealed class LiveSessionLifecycle(IDocumentStore store, Catalogue catalogue, TimeProvider clock)
{
    public async Task<(Guid? SessionId, string? Problem)> StartAsync(string schoolId, Guid teacherId, SchoolClass schoolClass, LiveKind kind, string itemId, CancellationToken ct)
    {
        var script = Script.For(kind, itemId, catalogue);
        if (script is null) return (null, "That lesson, quiz or story cannot be found.");
        await using var session = store.LightweightSession(schoolId);
        var pupils = await session.Query<Pupil>().Where(p => p.ClassId == schoolClass.Id && !p.Erased).Select(p => p.Id).ToListAsync(ct);
        var code = await FreeJoinCodeAsync(session, ct);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        session.Events.StartStream<LiveSessionState>(id, new LiveSessionStarted(id, schoolClass.Id, teacherId, kind, itemId, code, pupils.ToList(), now));
        session.Store(new LiveSessionCard(id, schoolClass.Id, teacherId, kind, itemId, script.Content.Title, code, now));
        session.Store(new JoinCodeEntry(code, schoolId, id, schoolClass.Id));
        await session.SaveChangesAsync(ct);
        return (id, null);
    }

    /// <summary>
    /// Ends the session through its command path, in one transaction: the ended event (expected
    /// version), each pupil's "took part" event, the summary, the index card, and the join code
    /// deleted (so it stops working at once). Every node hears of it through the bus.
    /// </summary>
    public Task<Decision> EndAsync(LiveSession live, CancellationToken ct) =>
        live.SendAsync(new LiveCommand(state => LiveDecider.End(state, clock.GetUtcNow()), async (session, after, events, token) =>
        {
            var ended = (LiveSessionEnded)events[0];
            foreach (var pupil in after.Joined)
            {
                var answers = after.Answers.Values.Where(a => a.PupilId == pupil).ToList();
                var attended = new LiveSessionAttended(pupil, after.Id, after.Kind.ToString(), after.ItemId, answers.Count, answers.Count(a => a.Correct), ended.At);
                // The same badges as a lesson or story finished alone, decided on the pupil's progress as it is
                // when this commits: their own tap or another session ending at the same moment makes the
                // pupil's stream version move, the transaction fails, and the pipeline decides again.
                var stream = await session.Events.FetchForWriting<PupilProgress>(pupil, token);
                var before = stream.Aggregate ?? new PupilProgress { Id = pupil };
                stream.AppendMany([attended, .. Badges.NewlyEarned(before, [attended], catalogue, pupil, ended.At)]);
            }
            session.Store(Summaries.Of(after, live.Script, ended.At));
            var card = await session.LoadAsync<LiveSessionCard>(after.Id, token);
            if (card is not null) session.Store(card with { EndedAt = ended.At });
            session.Delete<JoinCodeEntry>(after.JoinCode);
        }), ct);

    /// <summary>Six digits, unique among running sessions: a guess lands on a real session about once in a million tries, and join attempts are rate-limited.</summary>
    static async Task<string> FreeJoinCodeAsync(IQuerySession session, CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            var code = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString();
            if (await session.LoadAsync<JoinCodeEntry>(code, ct) is null || i > 20) return code;
        }
    }
}
