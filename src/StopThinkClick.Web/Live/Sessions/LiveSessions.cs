using System.Collections.Concurrent;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Storage;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Live.Sessions;

/// <summary>
/// The running sessions of this node. A session not in memory (after a restart, or on another
/// node's first call) is folded again from its event stream, so nothing acknowledged is lost.
/// </summary>
public sealed class LiveSessions(IDocumentStore store, Catalogue catalogue, EventWriter writer, ILiveEventBus bus)
{
    readonly ConcurrentDictionary<(string School, Guid Id), Lazy<Task<LiveSession?>>> running = new();

    public async Task<LiveSession?> GetAsync(string schoolId, Guid sessionId, CancellationToken ct = default)
    {
        var key = (schoolId, sessionId);
        var loading = running.GetOrAdd(key, k => new Lazy<Task<LiveSession?>>(() => LoadAsync(k.School, k.Id)));
        try
        {
            var session = await loading.Value.WaitAsync(ct);
            if (session is null) running.TryRemove(key, out _);
            return session;
        }
        catch
        {
            running.TryRemove(key, out _);
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

    public int Count => running.Count;

    /// <summary>Writes the events through the group commit, then tells the other nodes.</summary>
    public async Task WriteAsync(LiveSession session, IReadOnlyList<object> events)
    {
        await writer.AppendAsync(session.SchoolId, session.Id, events);
        await bus.PublishAsync(session.SchoolId, session.Id, events);
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
        return new LiveSession(schoolId, script, state, pupils.ToDictionary(p => p.Id, p => p.Erased ? new PupilName("A pupil", "A pupil") : new PupilName(p.FirstName, p.DisplayName)),
            data.Count(LiveSession.ChangesScreens));
    }
}
