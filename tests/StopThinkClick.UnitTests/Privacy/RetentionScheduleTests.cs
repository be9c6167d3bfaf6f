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
        RetentionSchedule.NextRun(DateTimeOffset.Parse(now), HalfPastOne).ShouldBe(DateTimeOffset.Parse(expected));

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
