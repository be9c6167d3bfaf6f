namespace StopThinkClick.Web.Schools.Settings;

/// <summary>
/// A school's year: it starts on the school's own first day (1 September in England) in the school's
/// own time zone, so a signature at 00:30 on 1 September, London time, is in the new year although
/// it is still 31 August in UTC. Policies ask for the AUP to be "discussed with pupils at the start of
/// each year", so a signature from an earlier year is out of date.
/// </summary>
public sealed record SchoolCalendar(int StartMonth, int StartDay, TimeZoneInfo Zone)
{
    /// <summary>England's: 1 September, London time (for code that has no school in hand, and tests).</summary>
    public static SchoolCalendar England { get; } = new(9, 1, TimeZoneInfo.FindSystemTimeZoneById(SchoolSettings.DefaultTimeZone));

    /// <summary>The calendar year in which the school year holding <paramref name="at"/> started (2026 for 2026–27).</summary>
    public int YearOf(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return (local.Month, local.Day).CompareTo((StartMonth, StartDay)) >= 0 ? local.Year : local.Year - 1;
    }

    public bool IsCurrent(DateTimeOffset at, DateTimeOffset now) => YearOf(at) == YearOf(now);

    /// <summary>The instant the school year <paramref name="startYear"/> begins (midnight of its first day, school time).</summary>
    public DateTimeOffset StartOf(int startYear)
    {
        var midnight = new DateTime(startYear, StartMonth, Math.Min(StartDay, DateTime.DaysInMonth(startYear, StartMonth)));
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>e.g. "2026–27".</summary>
    public static string Name(int startYear) => $"{startYear}–{(startYear + 1) % 100:00}";
}
