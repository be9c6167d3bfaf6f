using System.Threading.Channels;
using Marten;

namespace StopThinkClick.Web.Live.Storage;

/// <summary>
/// Group commit for the live hot path: answers and votes from every classroom queue here, and one
/// loop writes whatever has queued in a single transaction (one round trip for dozens of answers
/// instead of one each). While one batch is being written the next one gathers, so batches grow
/// with load and latency stays flat. Every append carries its stream's expected version: if one
/// stream was written meanwhile by another node, the batch is retried append by append and only
/// that one fails (its session reads what it missed and decides again). Each caller's task
/// completes only when its events are committed — the hub acknowledges nothing earlier.
/// </summary>
public sealed class EventWriter(IDocumentStore store, ILogger<EventWriter> logger) : BackgroundService
{
    public const int MaxBatch = 1000;

    sealed record Pending(string Tenant, Guid Stream, long ExpectedVersion, IReadOnlyList<object> Events, TaskCompletionSource Done);

    readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public long Batches { get; private set; }
    public long Written { get; private set; }

    /// <param name="expectedVersion">the stream's version once these events are appended</param>
    public Task AppendAsync(string tenant, Guid stream, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default)
    {
        var pending = new Pending(tenant, stream, expectedVersion, events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The event writer has stopped.");
        return pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
        {
            batch.Clear();
            var events = 0;
            while (events < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                events += next.Events.Count;
            }
            try
            {
                await WriteAsync(batch, stopping);
                foreach (var p in batch) p.Done.TrySetResult();
                Batches++;
                Written += events;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                if (!LiveStream.IsConflict(e)) logger.LogWarning(e, "A batch of {Count} appends failed; trying each alone", batch.Count);
                // One bad append must not fail its neighbours: try each alone, so only it fails.
                foreach (var p in batch)
                {
                    try
                    {
                        await WriteAsync([p], stopping);
                        p.Done.TrySetResult();
                    }
                    catch (Exception single)
                    {
                        p.Done.TrySetException(single);
                    }
                }
            }
        }
    }

    async Task WriteAsync(IReadOnlyList<Pending> batch, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        foreach (var p in batch)
            session.ForTenant(p.Tenant).Events.Append(p.Stream, p.ExpectedVersion, p.Events.ToArray());
        await session.SaveChangesAsync(ct);
    }

    public override Task StopAsync(CancellationToken ct)
    {
        queue.Writer.TryComplete();
        return base.StopAsync(ct);
    }
}
