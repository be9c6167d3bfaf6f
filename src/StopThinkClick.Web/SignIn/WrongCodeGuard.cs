using System.Collections.Concurrent;

namespace StopThinkClick.Web.SignIn;

/// <summary>
/// Counts wrong codes (class codes, join codes, invitation codes, login cards) per address. A class
/// of thirty behind one school address almost never types a wrong code, so this can be strict
/// where a plain request limit cannot: after ten wrong codes in ten minutes an address must wait.
/// That makes guessing a six-digit join code hopeless within a lesson (about 60 guesses an hour
/// against a million codes).
/// </summary>
public sealed class WrongCodeGuard(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
{
    int Allowed => options.Value.WrongCodesPerTenMinutes;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> wrong = new();

    public bool Blocked(HttpContext context)
    {
        var key = Key(context);
        if (!wrong.TryGetValue(key, out var times)) return false;
        lock (times)
        {
            Prune(times);
            return times.Count >= Allowed;
        }
    }

    public void Wrong(HttpContext context)
    {
        var times = wrong.GetOrAdd(Key(context), _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Prune(times);
            times.Enqueue(clock.GetUtcNow());
        }
        if (wrong.Count > 50_000) wrong.Clear(); // a flood of addresses must not fill the memory
    }

    public const string Message = "There have been too many wrong codes from this device. Please wait ten minutes, or ask your teacher.";

    void Prune(Queue<DateTimeOffset> times)
    {
        var since = clock.GetUtcNow() - Window;
        while (times.Count > 0 && times.Peek() < since) times.Dequeue();
    }

    static string Key(HttpContext context) => StopThinkClick.Web.Platform.Web.ClientAddress.PartitionOf(context);
}
