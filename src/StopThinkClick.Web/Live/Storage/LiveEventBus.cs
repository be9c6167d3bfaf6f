namespace StopThinkClick.Web.Live.Storage;

/// <summary>
/// Tells the other app nodes about events one node committed, so that every node's copy of a
/// running session stays current (scale-out). On a single node there is nobody to tell.
/// </summary>
public interface ILiveEventBus
{
    /// <summary>More than one node shares the streams.</summary>
    bool Shared { get; }

    /// <param name="fromVersion">the stream version of the first event: a node that missed a message sees the gap and reads the stream</param>
    Task PublishAsync(string schoolId, Guid sessionId, long fromVersion, IReadOnlyList<object> events);
}

public sealed class SingleNodeBus : ILiveEventBus
{
    public bool Shared => false;
    public Task PublishAsync(string schoolId, Guid sessionId, long fromVersion, IReadOnlyList<object> events) => Task.CompletedTask;
}
