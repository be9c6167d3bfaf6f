using JasperFx;

namespace StopThinkClick.Web.SignIn.Throttle;

/// <summary>
/// Wrong tries at one thing that can be guessed: a pupil's picture PIN, a class's PINs, an adult's
/// password or two-step code. Kept in the database (not in one node's memory) with a numeric
/// revision, so two nodes or two parallel requests cannot both count from the same number.
/// The id names what is counted (<see cref="TryKeys"/>) and never holds an e-mail or a name.
/// </summary>
public sealed record TryCounter(string Id) : IRevisioned
{
    /// <summary>Tries counted since the window opened (a try is counted before it is checked).</summary>
    public int Tries { get; init; }
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>How many pauses so far: each one is longer than the last.</summary>
    public int Strikes { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    public int Version { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;
}

/// <summary>How many tries, over what window, and the ladder of pauses after each run of wrong tries.</summary>
public sealed record TryPolicy(int MaxTries, TimeSpan Window, IReadOnlyList<TimeSpan> Pauses)
{
    /// <summary>After this long with no pause, earlier pauses are forgiven and the ladder starts again.</summary>
    public static readonly TimeSpan ForgiveAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// A pupil's PIN: five tries, then 5 minutes, 30 minutes, then a day (in practice: until the
    /// teacher clears it, which they can see on their class's login-cards page).
    /// </summary>
    public static TryPolicy Pupil { get; } = new(5, TimeSpan.FromMinutes(30), [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromDays(1)]);

    /// <summary>
    /// A whole class's PINs: more wrong tries in ten minutes than a class of four-year-olds makes
    /// when signing in (about one slip each), then PIN sign-in pauses for the class. Cards still work.
    /// </summary>
    public static TryPolicy Class(int maxWrong) => new(maxWrong, TimeSpan.FromMinutes(10), [TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromDays(1)]);

    /// <summary>An adult's password or two-step code: five tries, then 15 minutes, an hour, then a day.</summary>
    public static TryPolicy Adult { get; } = new(5, TimeSpan.FromMinutes(30), [TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromDays(1)]);
}

/// <summary>The pure rules of counting: unit-tested without a database.</summary>
public static class TryRules
{
    /// <summary>Counts one try. The try that reaches the limit starts the next pause on the ladder.</summary>
    public static TryCounter Count(TryCounter counter, TryPolicy policy, DateTimeOffset now)
    {
        var fresh = counter.WindowStart is null || now - counter.WindowStart > policy.Window;
        var strikes = counter.LockedUntil is { } until && now - until > TryPolicy.ForgiveAfter ? 0 : counter.Strikes;
        var tries = (fresh ? 0 : counter.Tries) + 1;
        if (tries < policy.MaxTries)
            return counter with { Tries = tries, WindowStart = fresh ? now : counter.WindowStart, Strikes = strikes };
        var pause = policy.Pauses[Math.Min(strikes, policy.Pauses.Count - 1)];
        return counter with { Tries = 0, WindowStart = null, Strikes = strikes + 1, LockedUntil = now + pause };
    }

    /// <summary>A right PIN or password: its own counted try is taken back, earlier pauses are remembered.</summary>
    public static TryCounter Succeeded(TryCounter counter) => counter with { Tries = 0, WindowStart = null, LockedUntil = null };

    /// <summary>The teacher (or an admin) lets the pupil try again at once, and forgives the ladder.</summary>
    public static TryCounter Cleared(TryCounter counter) => counter with { Tries = 0, WindowStart = null, Strikes = 0, LockedUntil = null };
}

/// <summary>Counter ids. Adults' are keyed by a hash of the e-mail, so unknown addresses are counted the same as known ones.</summary>
public static class TryKeys
{
    public static string Pupil(Guid pupilId) => $"pupil:{pupilId:N}";
    public static string Class(Guid classId) => $"class:{classId:N}";
    public static string Password(string email) => "password:" + Hash(email);
    public static string TwoStep(string email) => "twostep:" + Hash(email);

    static string Hash(string email) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(StopThinkClick.Web.Schools.AdultAccount.Normalise(email))))[..32];
}
