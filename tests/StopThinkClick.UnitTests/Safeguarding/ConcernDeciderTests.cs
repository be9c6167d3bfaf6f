using StopThinkClick.Web.Safeguarding;
using StopThinkClick.Web.Safeguarding.Concerns;
using static StopThinkClick.UnitTests.Safeguarding.ConcernGiven;

namespace StopThinkClick.UnitTests.Safeguarding;

public sealed class ConcernDeciderTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid Concern = Guid.CreateVersion7(), Pupil = Guid.CreateVersion7(), Class = Guid.CreateVersion7();
    static readonly Guid Lead = Guid.CreateVersion7(), Teacher = Guid.CreateVersion7(), Note = Guid.CreateVersion7();
    static readonly Guid Press1 = Guid.CreateVersion7(), Press2 = Guid.CreateVersion7();

    static ConcernRaised Raised(DateTimeOffset? at = null) =>
        new(Concern, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, Class, null, null, false, at ?? T0, Press1);

    static WorryPress Press(Guid id, DateTimeOffset at, string? words = null, string? topic = ConcernTopics.SomeoneOnline, Guid? pupil = null) =>
        new(id, pupil ?? Pupil, Class, null, ConcernSource.PupilDevice, topic, words, at);

    // ---- A child's press ----

    [Fact]
    public void A_first_press_raises_a_new_concern_with_the_id_the_server_made() =>
        Nothing().When(_ => ConcernDecider.Worry(null, Press(Press1, T0, "help"), Concern))
            .Then(new ConcernRaised(Concern, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, Class, null, null, true, T0, Press1));

    [Fact]
    public void A_topic_the_child_could_not_have_picked_becomes_something_else() =>
        Nothing().When(_ => ConcernDecider.Worry(null, Press(Press1, T0, topic: "<script>"), Concern))
            .Then(new ConcernRaised(Concern, ConcernTopics.SomethingElse, ConcernSource.PupilDevice, Pupil, Class, null, null, false, T0, Press1));

    [Fact]
    public void A_second_press_within_the_window_is_merged_into_the_open_concern() =>
        Given(Raised()).When(c => ConcernDecider.Worry(c, Press(Press2, T0.AddMinutes(9), "more"), Guid.NewGuid()))
            .Then(new WorryRepeated(Concern, Pupil, Press2, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, null, true, T0.AddMinutes(9)));

    [Fact]
    public void The_window_runs_from_the_latest_press_so_a_steady_stream_of_presses_stays_one_concern() =>
        Given(Raised(), new WorryRepeated(Concern, Pupil, Press2, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, null, false, T0.AddMinutes(8)))
            .When(c => ConcernDecider.Worry(c, Press(Guid.Empty, T0.AddMinutes(17)), Guid.NewGuid()))
            .Then(new WorryRepeated(Concern, Pupil, Guid.Empty, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, null, false, T0.AddMinutes(17)));

    [Fact]
    public void A_press_after_the_window_raises_a_new_concern()
    {
        var next = Guid.CreateVersion7();
        Given(Raised()).When(c => ConcernDecider.Worry(c, Press(Press2, T0 + ConcernDecider.MergeWindow + TimeSpan.FromSeconds(1)), next))
            .Then(new ConcernRaised(next, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, Class, null, null, false, T0 + ConcernDecider.MergeWindow + TimeSpan.FromSeconds(1), Press2));
    }

    /// <summary>Once the lead has acknowledged a concern, a new press is news: it must not vanish into the old one.</summary>
    [Fact]
    public void A_press_after_the_lead_acknowledged_the_concern_raises_a_new_concern()
    {
        var next = Guid.CreateVersion7();
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0))
            .When(c => ConcernDecider.Worry(c, Press(Press2, T0.AddMinutes(1)), next))
            .Then(new ConcernRaised(next, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, Class, null, null, false, T0.AddMinutes(1), Press2));
    }

    [Fact]
    public void A_press_after_the_concern_was_closed_raises_a_new_concern()
    {
        var next = Guid.CreateVersion7();
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0), new ConcernActionRecorded(Concern, "spoke-with-child", Lead, T0), new ConcernClosed(Concern, Lead, "resolved-in-school", T0))
            .When(c => ConcernDecider.Worry(c, Press(Press2, T0.AddMinutes(1)), next))
            .Then(new ConcernRaised(next, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, Class, null, null, false, T0.AddMinutes(1), Press2));
    }

    [Fact]
    public void A_resent_press_is_counted_once() =>
        Given(Raised()).When(c => ConcernDecider.Worry(c, Press(Press1, T0.AddSeconds(2)), Guid.NewGuid())).Then();

    [Fact]
    public void Words_over_the_limit_are_refused_not_cut() =>
        Nothing().When(_ => ConcernDecider.Worry(null, Press(Press1, T0, new string('a', TextLimits.WorryWords + 1)), Concern)).ThenRefused("too long");

    [Fact]
    public void Words_at_the_limit_with_line_breaks_sent_as_two_characters_are_accepted() =>
        Nothing().When(_ => ConcernDecider.Worry(null, Press(Press1, T0, string.Concat(Enumerable.Repeat("abcd\r\n", TextLimits.WorryWords / 5))), Concern))
            .Then(new ConcernRaised(Concern, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, Class, null, null, true, T0, Press1));

    // ---- A staff record ----

    [Fact]
    public void A_staff_record_raises_a_concern_naming_its_recorder() =>
        Nothing().When(_ => ConcernDecider.Record(new StaffRecord(Pupil, Class, Teacher, "bullying", "what happened", T0), Concern))
            .Then(new ConcernRaised(Concern, "bullying", ConcernSource.StaffRecord, Pupil, Class, null, Teacher, true, T0));

    [Fact]
    public void A_staff_record_without_an_account_is_refused() =>
        Nothing().When(_ => ConcernDecider.Record(new StaffRecord(Pupil, Class, Teacher, "bullying", "  ", T0), Concern)).ThenRefused("write what happened");

    [Fact]
    public void A_staff_record_over_the_limit_is_refused() =>
        Nothing().When(_ => ConcernDecider.Record(new StaffRecord(Pupil, Class, Teacher, "bullying", new string('x', TextLimits.ConcernDetails + 1), T0), Concern))
            .ThenRefused("the limit is 4,000");

    // ---- Working the concern ----

    [Fact]
    public void Opening_a_concern_records_the_view() =>
        Given(Raised()).When(c => ConcernDecider.View(c!, Lead, "lead", T0)).Then(new ConcernViewed(Concern, Lead, "lead", T0));

    [Fact]
    public void A_new_concern_is_acknowledged() =>
        Given(Raised()).When(c => ConcernDecider.Acknowledge(c!, Lead, T0)).Then(new ConcernAcknowledged(Concern, Lead, T0));

    [Fact]
    public void An_acknowledged_concern_is_not_acknowledged_twice() =>
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0)).When(c => ConcernDecider.Acknowledge(c!, Lead, T0)).ThenRefused("already been acknowledged");

    [Fact]
    public void A_note_is_added() =>
        Given(Raised()).When(c => ConcernDecider.AddNote(c!, Note, Lead, "spoke to mum", T0)).Then(new ConcernNoteAdded(Concern, Note, Lead, T0));

    [Fact]
    public void An_empty_note_is_refused() =>
        Given(Raised()).When(c => ConcernDecider.AddNote(c!, Note, Lead, " ", T0)).ThenRefused("write the note first");

    [Fact]
    public void A_note_over_the_limit_is_refused() =>
        Given(Raised()).When(c => ConcernDecider.AddNote(c!, Note, Lead, new string('n', TextLimits.Note + 1), T0)).ThenRefused("too long");

    [Fact]
    public void An_action_on_a_new_concern_acknowledges_it_first_and_keeps_its_details_as_a_note() =>
        Given(Raised()).When(c => ConcernDecider.RecordAction(c!, "ceop", Lead, T0, Note, "reported"))
            .Then(new ConcernAcknowledged(Concern, Lead, T0), new ConcernActionRecorded(Concern, "ceop", Lead, T0), new ConcernNoteAdded(Concern, Note, Lead, T0));

    [Fact]
    public void An_action_on_an_acknowledged_concern_is_recorded_alone() =>
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0)).When(c => ConcernDecider.RecordAction(c!, "parents-informed", Lead, T0))
            .Then(new ConcernActionRecorded(Concern, "parents-informed", Lead, T0));

    [Fact]
    public void An_unknown_action_is_refused() =>
        Given(Raised()).When(c => ConcernDecider.RecordAction(c!, "shrug", Lead, T0)).ThenRefused("listed actions");

    [Fact]
    public void Action_details_over_the_limit_are_refused() =>
        Given(Raised()).When(c => ConcernDecider.RecordAction(c!, "ceop", Lead, T0, Note, new string('d', TextLimits.Note + 1))).ThenRefused("too long");

    [Fact]
    public void No_action_is_recorded_on_a_closed_concern() =>
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0), new ConcernClosed(Concern, Lead, "monitoring", T0))
            .When(c => ConcernDecider.RecordAction(c!, "ceop", Lead, T0)).ThenRefused("closed");

    [Fact]
    public void An_acknowledged_concern_is_closed_with_an_outcome() =>
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0)).When(c => ConcernDecider.Close(c!, "referred-on", Lead, T0))
            .Then(new ConcernClosed(Concern, Lead, "referred-on", T0));

    [Fact]
    public void A_new_concern_cannot_be_closed_before_anything_is_done() =>
        Given(Raised()).When(c => ConcernDecider.Close(c!, "referred-on", Lead, T0)).ThenRefused("acknowledge the concern");

    [Fact]
    public void Closing_needs_a_listed_outcome() =>
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0)).When(c => ConcernDecider.Close(c!, "", Lead, T0)).ThenRefused("choose the outcome");

    [Fact]
    public void A_closed_concern_is_not_closed_twice() =>
        Given(Raised(), new ConcernAcknowledged(Concern, Lead, T0), new ConcernClosed(Concern, Lead, "monitoring", T0))
            .When(c => ConcernDecider.Close(c!, "monitoring", Lead, T0)).ThenRefused("already closed");
}
