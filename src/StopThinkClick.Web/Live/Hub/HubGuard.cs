using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// Around every hub call: a per-connection rate limit (a device stuck in a loop, or a child
/// hammering the button, slows down alone; everyone else carries on), and failures told kindly —
/// a database that is down or slow says "not saved, trying again", so the client resends. And a
/// connection lives no longer than its sign-in: a teacher deactivated, signed out or given a new
/// role, or a pupil erased or whose cards were reprinted, is refused and the connection closed — at
/// once on the node that made the change, and within one sweep on the others. The stamp compared is
/// the one <see cref="RevokedConnectionSweeper"/> read for every open connection at its last sweep,
/// so an answer costs no database trip; a connection that only listens is closed by that sweep.
/// </summary>
public sealed class HubGuard(ILogger<HubGuard> logger, SessionStamps stamps, OpenLiveConnections open) : IHubFilter
{
    const string BucketKey = "stc.rate";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocation.Context.Items;
        if (items[BucketKey] is not TokenBucketRateLimiter bucket)
            items[BucketKey] = bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 30, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
            });
        using var lease = bucket.AttemptAcquire();
        if (!lease.IsAcquired) throw new HubException("Too many messages at once. Please slow down.");
        if (invocation.Context.User is not { } user || !await stamps.IsCurrentAsync(user, invocation.Context.ConnectionAborted))
        {
            // Close the connection just after the refusal has gone out, so no more pushes reach it.
            var connection = invocation.Context;
            _ = Task.Delay(TimeSpan.FromMilliseconds(200)).ContinueWith(_ => connection.Abort(), TaskScheduler.Default);
            throw new HubException("You have been signed out. Please sign in again.");
        }

        try
        {
            return await next(invocation);
        }
        catch (Exception e) when (DatabaseTrouble.Is(e) && !invocation.Context.ConnectionAborted.IsCancellationRequested)
        {
            logger.LogWarning("Live call {Method} not saved: {Message}", invocation.HubMethodName, e.Message);
            throw new HubException("Not saved yet: the school's server is busy. Trying again…");
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            logger.LogError(e, "Live call {Method} failed", invocation.HubMethodName);
            throw new HubException("Something went wrong. Please try again.");
        }
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        open.Opened(context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        open.Closed(context.Context);
        (context.Context.Items[BucketKey] as IDisposable)?.Dispose();
        return next(context, exception);
    }
}
