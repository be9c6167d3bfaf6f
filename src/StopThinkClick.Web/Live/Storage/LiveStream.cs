using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Live.Storage;

/// <summary>
/// A live session's event stream in PostgreSQL, the single source of truth for every node. Appends
/// always carry the expected version, so two nodes (or a stale copy) can never both write "next".
/// </summary>
public sealed class LiveStream(IDocumentStore store, EventWriter writer, ILiveEventBus bus)
{
    /// <summary>More than one node: another may have written to a stream since this one last looked.</summary>
    public bool Shared => bus.Shared;

    /// <summary>
    /// Appends <paramref name="events"/> to a stream that holds <paramref name="version"/> events now.
    /// Plain events share the group commit; a command with writes beyond the stream gets its own transaction.
    /// </summary>
    public async Task AppendAsync(string schoolId, Guid sessionId, long version, IReadOnlyList<object> events, AlsoWrite? also, LiveSessionState after)
    {
        if (also is null)
        {
            await writer.AppendAsync(schoolId, sessionId, version + events.Count, events);
            return;
        }
        await using var session = store.LightweightSession(schoolId);
        session.Events.Append(sessionId, version + events.Count, events.ToArray());
        await also(session, after, events, CancellationToken.None);
        await session.SaveChangesAsync();
    }

    /// <summary>The events after <paramref name="version"/>, and the stream's version after them.</summary>
    public async Task<(IReadOnlyList<object> Events, long Version)> SinceAsync(string schoolId, Guid sessionId, long version)
    {
        await using var query = store.QuerySession(schoolId);
        var events = await query.Events.FetchStreamAsync(sessionId, fromVersion: version + 1);
        return (events.Select(e => e.Data).ToList(), events.Count > 0 ? events[^1].Version : version);
    }

    public async Task<long> VersionAsync(string schoolId, Guid sessionId)
    {
        await using var query = store.QuerySession(schoolId);
        return (await query.Events.FetchStreamStateAsync(sessionId))?.Version ?? 0;
    }

    public Task PublishAsync(string schoolId, Guid sessionId, long fromVersion, IReadOnlyList<object> events) =>
        bus.PublishAsync(schoolId, sessionId, fromVersion, events);

    /// <summary>Someone else appended first (the expected version was stale).</summary>
    public static bool IsConflict(Exception e) => e switch
    {
        EventStreamUnexpectedMaxEventIdException => true,
        _ when LostRace.Is(e) => true, // also a pupil's stream written beside the session's (an end's attendance)
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => p.ConstraintName?.Contains("mt_events") == true || p.TableName == "mt_events",
        AggregateException a => a.InnerExceptions.Any(IsConflict),
        _ => e.InnerException is { } inner && IsConflict(inner),
    };
}
