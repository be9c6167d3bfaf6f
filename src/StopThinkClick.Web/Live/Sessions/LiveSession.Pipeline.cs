using StopThinkClick.Web.Live.Storage;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Live.Sessions;

public sealed partial class LiveSession
{
    const int MaxConflicts = 5;

    /// <summary>Decide → append (expected version) → publish → apply → notify, for one batch. Runs only inside the drainer.</summary>
    async Task RunAsync(List<Command> commands)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = snapshot;
            var working = before.State.Clone();
            var decisions = new Decision[commands.Count];
            var events = new List<object>();
            var sentAt = new List<long>();
            AlsoWrite? also = null;
            for (var i = 0; i < commands.Count; i++)
            {
                decisions[i] = commands[i].What.Decide(working);
                if (decisions[i].Refused || decisions[i].Events.Count == 0) continue;
                foreach (var e in decisions[i].Events)
                {
                    working.Apply(e);
                    events.Add(e);
                    sentAt.Add(commands[i].What.SentAtMs);
                }
                also ??= commands[i].What.Also;
            }

            // With two nodes, a batch that writes nothing (a refusal, a repeat) may have been decided on a
            // copy that has not heard the other node yet — a question opened there, the session ended there.
            // An append proves its copy current; here the stream's version does: if behind, catch up and decide again.
            if (events.Count == 0 && attempt == 0 && host.Stream.Shared
                && await host.Stream.VersionAsync(SchoolId, before.State.Id) > before.StreamVersion)
            {
                await CatchUpAsync();
                continue;
            }

            if (events.Count > 0)
            {
                try
                {
                    await host.Stream.AppendAsync(SchoolId, before.State.Id, before.StreamVersion, events, also, working);
                }
                catch (Exception e) when (LiveStream.IsConflict(e) && attempt < MaxConflicts)
                {
                    // Another node (or a stale copy on this one) wrote first: read what it wrote and decide again.
                    await CatchUpAsync();
                    continue;
                }
                var after = new LiveSnapshot(working, before.StreamVersion + events.Count, before.ScreenVersion + events.Count(ChangesScreens));
                snapshot = after;
                await PublishAsync(before.StreamVersion + 1, events);
                if (after.State.Ended) host.Ended(this);
                for (var i = 0; i < commands.Count; i++) commands[i].Done.TrySetResult(decisions[i]);
                await NotifyAsync(after, new Committed(events, sentAt));
                return;
            }

            for (var i = 0; i < commands.Count; i++) commands[i].Done.TrySetResult(decisions[i]);
            return;
        }
    }

    /// <summary>Reads the events this copy has not seen from the stream (the source of truth) and applies them.</summary>
    async Task CatchUpAsync()
    {
        var before = snapshot;
        var (missed, version) = await host.Stream.SinceAsync(SchoolId, before.State.Id, before.StreamVersion);
        if (missed.Count == 0) return;
        Publish(before, missed, version);
    }

    async Task ApplyFromElsewhereAsync(FromElsewhere other)
    {
        var before = snapshot;
        if (other.FromVersion > before.StreamVersion + 1)
        {
            await CatchUpAsync(); // a message went missing: the stream has everything
            return;
        }
        var seen = (int)(before.StreamVersion + 1 - other.FromVersion);
        if (seen >= other.Events.Count) return;
        Publish(before, other.Events.Skip(seen).ToList(), other.FromVersion + other.Events.Count - 1);
    }

    void Publish(LiveSnapshot before, IReadOnlyList<object> events, long version)
    {
        var working = before.State.Clone();
        foreach (var e in events) working.Apply(e);
        snapshot = new LiveSnapshot(working, version, before.ScreenVersion + events.Count(ChangesScreens));
        if (working.Ended) host.Ended(this);
    }

    async Task PublishAsync(long fromVersion, IReadOnlyList<object> events)
    {
        try { await host.Stream.PublishAsync(SchoolId, Id, fromVersion, events); }
        catch (Exception e)
        {
            // Committed is committed: another node's copy catches up from the stream at its next write or refusal.
            host.Logger.LogWarning(e, "Live session {Session}: could not tell the other nodes about {Count} events", Id, events.Count);
        }
    }

    async Task NotifyAsync(LiveSnapshot after, Committed committed)
    {
        try { await host.Notify(this, after, committed); }
        catch (Exception e) { host.Logger.LogWarning(e, "Live session {Session}: could not update the screens", Id); }
    }
}
