namespace StopThinkClick.Web.Live.Sessions;

/// <summary>
/// A session a teacher never ended (the lesson ran out, the laptop closed) would otherwise stay in
/// memory for ever. Every minute, sessions unused for <c>Live:IdleMinutes</c> (default 60) are let
/// go; if anyone comes back to one, it is folded again from its stream, exactly as it was.
/// </summary>
public sealed class IdleSessionSweeper(LiveSessions sessions, IConfiguration configuration, ILogger<IdleSessionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var idle = TimeSpan.FromMinutes(configuration.GetValue("Live:IdleMinutes", 60.0));
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stopping))
        {
            var evicted = sessions.EvictIdle(idle);
            if (evicted > 0) logger.LogInformation("Let go of {Count} idle live sessions", evicted);
        }
    }
}
