using StopThinkClick.Web.Privacy.Retention;

namespace StopThinkClick.UnitTests.Privacy;

public sealed class RetentionScheduleTests
{
    static readonly TimeOnly HalfPastOne = new(1, 30);

    [Theory]
    [InlineData("2026-11-30T00:10:00+00:00", "2026-11-30T01:30:00+00:00")]
    [InlineData("2026-11-30T01:30:00+00:00", "2026-12-01T01:30:00+00:00")]
    [InlineData("2026-11-30T23:59:00+00:00", "2026-12-01T01:30:00+00:00")]
    [InlineData("2026-03-29T00:10:00+00:00", "2026-03-29T01:30:00+00:00")]
    public void The_next_run_is_the_next_half_past_one_after_now(string now, string expected) =>
        RetentionSchedule.NextRun(DateTimeOffset.Parse(now), HalfPastOne, TimeZoneInfo.Utc).ShouldBe(DateTimeOffset.Parse(expected));

    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The server is often on UTC and today's offset is not tomorrow's: the run follows the school's clocks.</summary>
    [Theory]
    [InlineData("2026-07-20T12:00:00+00:00", "2026-07-21T01:30:00+01:00")] // summer: 00:30 UTC
    [InlineData("2026-10-24T12:00:00+00:00", "2026-10-25T01:30:00+00:00")] // the night the clocks go back: 01:30 GMT, not 01:30 BST carried over
    [InlineData("2026-03-28T12:00:00+00:00", "2026-03-29T02:30:00+01:00")] // the night they go forward: 01:30 does not exist, so an hour later
    [InlineData("2026-12-01T00:45:00+00:00", "2026-12-01T01:30:00+00:00")]
    public void The_next_run_is_half_past_one_on_the_schools_clocks(string now, string expected) =>
        RetentionSchedule.NextRun(DateTimeOffset.Parse(now), HalfPastOne, London).ShouldBe(DateTimeOffset.Parse(expected));

    [Fact]
    public void A_mark_keeps_its_first_day_new_ones_start_now_and_gone_ones_are_dropped()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var monday = DateTimeOffset.Parse("2026-07-20T01:30:00+01:00");
        var marks = new Dictionary<Guid, DateTimeOffset> { [a] = monday.AddDays(-30), [b] = monday.AddDays(-3) };

        var updated = RetentionMarks.Update(marks, [a, c], monday);

        updated.ShouldBe(new Dictionary<Guid, DateTimeOffset> { [a] = monday.AddDays(-30), [c] = monday });
    }
}
