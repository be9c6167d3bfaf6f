using Microsoft.Extensions.Options;

namespace StopThinkClick.Web.Privacy.Retention;

/// <summary>
/// The app applies its own retention once a day, so no school depends on a technician's cron job
/// to delete what it promised to delete. Time comes from <see cref="TimeProvider"/>, so tests can
/// move the clock; a failed run is logged and tried again the next day.
/// </summary>
public sealed class RetentionSchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionSchedule> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetLocalNow();
            await Task.Delay(NextRun(now, options.Value.RunAt) - now, clock, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RetentionRun>().RunAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The daily retention run failed; it will be tried again tomorrow.");
            }
        }
    }

    /// <summary>The next time of day <paramref name="at"/> strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = new DateTimeOffset(now.Date + at.ToTimeSpan(), now.Offset);
        return today > now ? today : today.AddDays(1);
    }
}
