using StopThinkClick.Web.Schools.Settings;

namespace StopThinkClick.UnitTests.Schools;

public sealed class SchoolCalendarTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2026-08-31T22:59:00+00:00", 2025)] // 23:59 on 31 August in London
    [InlineData("2026-08-31T23:30:00+00:00", 2026)] // 00:30 on 1 September in London, still August in UTC
    [InlineData("2027-01-15T09:00:00+00:00", 2026)]
    [InlineData("2027-09-01T08:00:00+00:00", 2027)]
    public void The_school_year_starts_at_midnight_on_the_first_day_on_the_schools_clocks(string at, int year) =>
        new SchoolCalendar(9, 1, London).YearOf(DateTimeOffset.Parse(at)).ShouldBe(year);

    [Fact]
    public void A_school_whose_year_starts_on_another_day_counts_from_that_day()
    {
        var calendar = new SchoolCalendar(8, 25, TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin"));
        calendar.YearOf(DateTimeOffset.Parse("2026-08-26T10:00:00+00:00")).ShouldBe(2026);
        calendar.IsCurrent(DateTimeOffset.Parse("2026-08-24T10:00:00+00:00"), DateTimeOffset.Parse("2026-08-26T10:00:00+00:00")).ShouldBeFalse();
        calendar.StartOf(2026).ShouldBe(DateTimeOffset.Parse("2026-08-25T00:00:00+01:00"));
    }

    [Fact]
    public void A_years_name_is_its_two_calendar_years() => SchoolCalendar.Name(2026).ShouldBe("2026–27");

    [Fact]
    public void A_moment_is_shown_on_the_schools_clocks_whatever_the_servers_zone()
    {
        var school = new SchoolContext(new SchoolSettings("urn-100001") { TimeZone = "Europe/London" });
        school.Local(DateTimeOffset.Parse("2026-07-01T08:15:00+00:00")).ToString("HH:mm").ShouldBe("09:15");
        school.Local(DateTimeOffset.Parse("2026-12-01T08:15:00+00:00")).ToString("HH:mm").ShouldBe("08:15");
    }
}
