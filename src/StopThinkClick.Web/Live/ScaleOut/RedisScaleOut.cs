using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Live.Storage;

namespace StopThinkClick.Web.Live.ScaleOut;

/// <summary>
/// Scale-out, off by default: set <c>ScaleOut:Redis</c> (e.g. <c>127.0.0.1:6379</c>) on every
/// node. SignalR then fans messages out through Redis (a board on node A sees answers sent to
/// node B), and each node tells the others which events it committed so their copies of a
/// running session stay current. Marten (one PostgreSQL) stays the single source of truth.
/// </summary>
public sealed class ScaleOutOptions
{
    public const string Section = "ScaleOut";

    /// <summary>A StackExchange.Redis configuration string; empty means one node, no Redis.</summary>
    public string Redis { get; set; } = "";
}

/// <summary>One message on the bus: the events one node committed to one session's stream.</summary>
sealed record CommittedEvents(string Node, string School, Guid Session, long FromVersion, IReadOnlyList<TypedEvent> Events);

sealed record TypedEvent(string Type, JsonElement Data);

public sealed class RedisLiveEventBus(IConnectionMultiplexer redis) : ILiveEventBus
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("stopthinkclick:live-events");

    /// <summary>This process, so that a node ignores its own messages.</summary>
    public static readonly string Node = Guid.NewGuid().ToString("N");

    static readonly Dictionary<string, Type> Types = LiveSetup.LiveEventTypes.ToDictionary(t => t.Name);

    public bool Shared => true;

    public async Task PublishAsync(string schoolId, Guid sessionId, long fromVersion, IReadOnlyList<object> events)
    {
        var message = new CommittedEvents(Node, schoolId, sessionId, fromVersion,
            events.Select(e => new TypedEvent(e.GetType().Name, JsonSerializer.SerializeToElement(e, e.GetType()))).ToList());
        await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message));
    }

    internal static (string School, Guid Session, long FromVersion, IReadOnlyList<object> Events)? Read(string json)
    {
        var message = JsonSerializer.Deserialize<CommittedEvents>(json);
        if (message is null || message.Node == Node) return null;
        var events = message.Events.Where(e => Types.ContainsKey(e.Type)).Select(e => e.Data.Deserialize(Types[e.Type])!).ToList();
        // An event type this node does not know (a newer node's) would leave a gap: the version check reads the stream instead.
        if (events.Count != message.Events.Count) return (message.School, message.Session, long.MaxValue, []);
        return (message.School, message.Session, message.FromVersion, events);
    }
}

/// <summary>Applies other nodes' committed events to the sessions this node has in memory.</summary>
public sealed class LiveEventSubscriber(IConnectionMultiplexer redis, LiveSessions sessions, ILogger<LiveEventSubscriber> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        // A queue (not a handler) keeps the messages in the order the other nodes committed them.
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisLiveEventBus.Channel);
        queue.OnMessage(message =>
        {
            try
            {
                if (RedisLiveEventBus.Read(message.Message!) is not { } committed) return;
                // A session this node has not loaded will be folded from its stream when first used. The
                // session applies the events in stream order, and reads the stream if it sees a gap.
                if (sessions.TryGetLoaded(committed.School, committed.Session, out var live))
                    live!.ApplyFromElsewhere(committed.FromVersion, committed.Events);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not apply events from another node; that session will be reloaded");
                if (RedisLiveEventBus.Read(message.Message!) is { } c) sessions.Forget(c.School, c.Session);
            }
        });
    }

    public Task StopAsync(CancellationToken ct) => redis.GetSubscriber().UnsubscribeAsync(RedisLiveEventBus.Channel);
}

public static class ScaleOutSetup
{
    public static ISignalRServerBuilder AddScaleOut(this ISignalRServerBuilder signalR, WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ScaleOutOptions.Section).Get<ScaleOutOptions>() ?? new ScaleOutOptions();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            builder.Services.AddSingleton<ILiveEventBus, SingleNodeBus>();
            return signalR;
        }
        var redis = ConnectionMultiplexer.Connect(options.Redis);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddSingleton<ILiveEventBus, RedisLiveEventBus>();
        builder.Services.AddHostedService<LiveEventSubscriber>();
        return signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal("stopthinkclick");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis);
        });
    }
}
