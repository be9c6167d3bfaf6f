using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.UnitTests.SignIn;

/// <summary>Given earlier tries, when one more is counted, then the pause it starts (issue 13, item 7: escalating lock-outs).</summary>
public sealed class TryRulesTests
{
    static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static TryCounter After(int tries, TryPolicy policy, TryCounter? from = null, DateTimeOffset? at = null)
    {
        var counter = from ?? new TryCounter("pupil:x");
        for (var i = 0; i < tries; i++) counter = TryRules.Count(counter, policy, at ?? Start);
        return counter;
    }

    [Fact]
    public void Four_wrong_tries_do_not_pause_a_pupil_and_the_fifth_does()
    {
        After(4, TryPolicy.Pupil).IsLocked(Start).ShouldBeFalse();
        var fifth = After(5, TryPolicy.Pupil);
        fifth.LockedUntil.ShouldBe(Start + TimeSpan.FromMinutes(5));
        fifth.Strikes.ShouldBe(1);
    }

    [Fact]
    public void Each_pause_is_longer_than_the_last()
    {
        var first = After(5, TryPolicy.Pupil);
        var later = first.LockedUntil!.Value;
        var second = After(5, TryPolicy.Pupil, first, later);
        second.LockedUntil.ShouldBe(later + TimeSpan.FromMinutes(30));
        var third = After(5, TryPolicy.Pupil, second, second.LockedUntil!.Value);
        third.LockedUntil.ShouldBe(second.LockedUntil!.Value + TimeSpan.FromDays(1));
        var fourth = After(5, TryPolicy.Pupil, third, third.LockedUntil!.Value);
        fourth.LockedUntil.ShouldBe(third.LockedUntil!.Value + TimeSpan.FromDays(1), "the ladder tops out at a day (or the teacher clears it)");
    }

    [Fact]
    public void Wrong_tries_spread_beyond_the_window_start_again()
    {
        var counter = After(4, TryPolicy.Pupil);
        var next = TryRules.Count(counter, TryPolicy.Pupil, Start + TimeSpan.FromHours(1));
        next.Tries.ShouldBe(1);
        next.IsLocked(Start + TimeSpan.FromHours(1)).ShouldBeFalse();
    }

    [Fact]
    public void A_right_pin_resets_the_tries_but_remembers_the_ladder_and_a_teacher_clears_both()
    {
        var paused = After(5, TryPolicy.Pupil);
        var succeeded = TryRules.Succeeded(After(2, TryPolicy.Pupil, paused, paused.LockedUntil));
        succeeded.Tries.ShouldBe(0);
        succeeded.Strikes.ShouldBe(1);
        var cleared = TryRules.Cleared(paused);
        cleared.IsLocked(Start).ShouldBeFalse();
        cleared.Strikes.ShouldBe(0);
    }

    [Fact]
    public void A_day_without_a_pause_forgives_the_ladder()
    {
        var paused = After(5, TryPolicy.Adult);
        var muchLater = paused.LockedUntil!.Value + TimeSpan.FromDays(2);
        After(5, TryPolicy.Adult, paused, muchLater).LockedUntil.ShouldBe(muchLater + TimeSpan.FromMinutes(15));
    }
}
