namespace StopThinkClick.Web.Live.Storage;

/// <summary>
/// Tells the other app nodes about events one node committed, so that every node's copy of a
/// running session stays current (scale-out). On a single node there is nobody to tell.
/// </summary>
public interface ILiveEventBus
{
    Task PublishAsync(string schoolId, Guid sessionId, IReadOnlyList<object> events);
}

public sealed class SingleNodeBus : ILiveEventBus
{
    public Task PublishAsync(string schoolId, Guid sessionId, IReadOnlyList<object> events) => Task.CompletedTask;
}
