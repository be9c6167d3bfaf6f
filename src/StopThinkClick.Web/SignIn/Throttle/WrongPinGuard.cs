using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StopThinkClick.Web.SignIn.Throttle;

/// <summary>
/// Wrong picture PINs per source address, across every class and school: a sliding window from
/// ASP.NET Core's partitioned rate limiter, kept in this node's memory. A school's tablets share
/// one address, so the limit sits above what a class makes by mistake; it is there to stop one
/// device spraying guesses over many classes. The per-pupil and per-class counters, which must
/// hold across nodes, are in the database (<see cref="TryCounters"/>).
/// </summary>
public sealed class WrongPinGuard : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    readonly PartitionedRateLimiter<string> limiter;

    public WrongPinGuard(IOptions<RateLimitOptions> options)
    {
        var allowed = options.Value.WrongPinsPerAddressPerTenMinutes;
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address, _ =>
            new SlidingWindowRateLimiterOptions { PermitLimit = allowed, Window = Window, SegmentsPerWindow = 10, QueueLimit = 0, AutoReplenishment = true }));
    }

    public bool Blocked(HttpContext context) => limiter.GetStatistics(Key(context))?.CurrentAvailablePermits <= 0;

    public void Wrong(HttpContext context)
    {
        using var _ = limiter.AttemptAcquire(Key(context));
    }

    static string Key(HttpContext context) => StopThinkClick.Web.Platform.Web.ClientAddress.PartitionOf(context);

    public void Dispose() => limiter.Dispose();
}
