namespace StopThinkClick.TestSupport;

/// <summary>Waits for a condition that another connection will make true (a push arriving), up to a limit.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited {seconds}s for: {what}");
            await Task.Delay(20);
        }
    }
}
