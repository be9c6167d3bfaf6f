using System.Collections.Concurrent;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.Storage;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Live.Sessions;

/// <summary>
/// The running sessions of this node. A session not in memory (after a restart, on another node's
/// first call, or after it was let go for being idle) is folded again from its event stream, so
/// nothing acknowledged is lost. Ended sessions are let go at once; idle ones after a while.
/// </summary>
public sealed class LiveSessions(IDocumentStore store, Catalogue catalogue, LiveStream stream, LiveNotifier notifier, ILogger<LiveSessions> logger)
{
    readonly ConcurrentDictionary<(string School, Guid Id), Lazy<Task<LiveSession?>>> running = new();

    public async Task<LiveSession?> GetAsync(string schoolId, Guid sessionId, CancellationToken ct = default)
    {
        var key = (schoolId, sessionId);
        var loading = running.GetOrAdd(key, k => new Lazy<Task<LiveSession?>>(() => LoadAsync(k.School, k.Id)));
        try
        {
            var session = await loading.Value.WaitAsync(ct);
            // An ended session is still shown (the closing slide, the console's last view) but not kept.
            if (session is null || session.State.Ended) running.TryRemove(new(key, loading));
            return session;
        }
        catch
        {
            running.TryRemove(new(key, loading));
            throw;
        }
    }

    public bool TryGetLoaded(string schoolId, Guid sessionId, out LiveSession? session)
    {
        session = null;
        return running.TryGetValue((schoolId, sessionId), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            && (session = lazy.Value.Result) is not null;
    }

    public void Forget(string schoolId, Guid sessionId) => running.TryRemove((schoolId, sessionId), out _);

    /// <summary>Lets go of this copy only (not a newer one loaded meanwhile).</summary>
    void Forget(LiveSession session)
    {
        var key = (session.SchoolId, session.Id);
        if (running.TryGetValue(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && ReferenceEquals(lazy.Value.Result, session))
            running.TryRemove(new(key, lazy));
    }

    public int Count => running.Count;

    /// <summary>Lets go of sessions nobody has used for <paramref name="idle"/>; they come back from their stream if used again.</summary>
    public int EvictIdle(TimeSpan idle)
    {
        var evicted = 0;
        foreach (var (key, lazy) in running)
        {
            if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully || lazy.Value.Result is not { } session) continue;
            if (session.IdleFor >= idle && !session.Busy && running.TryRemove(new(key, lazy))) evicted++;
        }
        return evicted;
    }

    async Task<LiveSession?> LoadAsync(string schoolId, Guid sessionId)
    {
        await using var query = store.QuerySession(schoolId);
        var card = await query.LoadAsync<LiveSessionCard>(sessionId);
        if (card is null) return null;
        var events = await query.Events.FetchStreamAsync(sessionId);
        var data = events.Select(e => e.Data).ToList();
        var state = LiveSessionState.From(data);
        var script = Script.For(state.Kind, state.ItemId, catalogue);
        if (script is null) return null;
        var pupils = await query.Query<Pupil>().Where(p => p.ClassId == state.ClassId).ToListAsync();
        var names = pupils.ToDictionary(p => p.Id, p => p.Erased ? new PupilName("A pupil", "A pupil") : new PupilName(p.FirstName, p.DisplayName));
        var snapshot = new LiveSnapshot(state, events.Count > 0 ? events[^1].Version : 0, data.Count(LiveSession.ChangesScreens));
        return new LiveSession(schoolId, script, snapshot, names, new LiveSessionHost(stream, notifier.AfterAsync, Forget, logger));
    }
}
