using StopThinkClick.Web.Schools.Settings;

namespace StopThinkClick.Demo.Term;

/// <summary>
/// The demo's autumn term, from the first days of September of this school year (by the app's own
/// clock, so "this term" and "this school year" count it) up to just before now. It is also the
/// clock the live sessions' own code reads while the term is replayed: set it, then act.
/// </summary>
public sealed class TermClock : TimeProvider
{
    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public DateTimeOffset Now { get; set; }

    public TermClock(DateTimeOffset realNow)
    {
        var year = SchoolCalendar.England.YearOf(realNow);
        Start = new DateTimeOffset(year, 9, 3, 0, 0, 0, TimeSpan.Zero);
        var christmas = new DateTimeOffset(year, 12, 19, 0, 0, 0, TimeSpan.Zero);
        End = realNow.AddHours(-1) < christmas ? realNow.AddHours(-1) : christmas;
        // Run in the first days of September: squeeze the "term" into what has happened of the year.
        if (End - Start < TimeSpan.FromDays(1)) (Start, End) = (new DateTimeOffset(year, 9, 1, 0, 0, 0, TimeSpan.Zero), realNow.AddMinutes(-1));
        Now = Start;
    }

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>A school day <paramref name="fraction"/> of the way through the term, <paramref name="minutes"/> after nine.</summary>
    public DateTimeOffset At(double fraction, int minutes = 0)
    {
        var day = (Start + (End - Start) * Math.Clamp(fraction, 0, 1)).UtcDateTime.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        var at = new DateTimeOffset(day, TimeSpan.Zero).AddHours(9).AddMinutes(minutes);
        return at < Start ? Start : at > End ? End : at;
    }
}
