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
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await Task.Delay(NextRun(now, options.Value.RunAt, zone) - now, clock, stoppingToken);
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

    /// <summary>
    /// The next time of day <paramref name="at"/> in <paramref name="zone"/> strictly after <paramref name="now"/>,
    /// with each day's own offset: the night the clocks change, 01:30 is still 01:30 on the school's clocks
    /// (on the night they go forward and 01:30 does not exist, an hour later).
    /// </summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        for (var day = TimeZoneInfo.ConvertTime(now, zone).Date; ; day = day.AddDays(1))
        {
            var wall = day + at.ToTimeSpan();
            if (zone.IsInvalidTime(wall)) wall = wall.AddHours(1);
            var run = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (run > now) return run;
        }
    }
}
