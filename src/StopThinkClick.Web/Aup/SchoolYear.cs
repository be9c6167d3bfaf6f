namespace StopThinkClick.Web.Aup;

/// <summary>
/// The school year runs September to August. Policies ask for the AUP to be "discussed with
/// pupils at the start of each year", so a signature from an earlier year is out of date.
/// </summary>
public static class SchoolYear
{
    public static int Of(DateTimeOffset date) => date.Month >= 9 ? date.Year : date.Year - 1;

    public static string Name(int startYear) => $"{startYear}–{(startYear + 1) % 100:00}";

    public static bool IsCurrent(DateTimeOffset date, DateTimeOffset now) => Of(date) == Of(now);
}
