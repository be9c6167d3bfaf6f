using StopThinkClick.Web.Safeguarding.Concerns;
using static StopThinkClick.UnitTests.Safeguarding.ConcernGiven;

namespace StopThinkClick.UnitTests.Safeguarding;

public sealed class ConcernProjectionTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid Id = Guid.CreateVersion7(), Pupil = Guid.CreateVersion7(), Lead = Guid.CreateVersion7(), Teacher = Guid.CreateVersion7();
    static readonly Guid Press = Guid.CreateVersion7(), Note = Guid.CreateVersion7(), Session = Guid.CreateVersion7();

    [Fact]
    public void A_child_raised_concern_is_new_pressed_once_and_raised_by_the_child()
    {
        var c = Fold([new ConcernRaised(Id, ConcernTopics.SomeoneUnkind, ConcernSource.LiveSession, Pupil, null, Session, null, false, T0, Press)]);
        (c.Status, c.Topic, c.Source, c.PupilId, c.SessionId, c.RaisedAt, c.Presses, c.LastPressAt).ShouldBe(
            (ConcernStatus.New, ConcernTopics.SomeoneUnkind, ConcernSource.LiveSession, Pupil, Session, T0, 1, T0));
        c.PressIds.ShouldBe([Press]);
        c.Timeline.ShouldBe([new TimelineEntry("raised", Pupil, null, T0)]);
    }

    [Fact]
    public void A_staff_record_is_raised_by_its_recorder_and_counts_no_press()
    {
        var c = Fold([new ConcernRaised(Id, "bullying", ConcernSource.StaffRecord, Pupil, null, null, Teacher, true, T0)]);
        (c.RaisedBy, c.Presses).ShouldBe((Teacher, 0));
        c.Timeline.Single().By.ShouldBe(Teacher);
    }

    [Fact]
    public void A_repeated_press_counts_moves_the_window_and_keeps_its_id()
    {
        var again = Guid.CreateVersion7();
        var c = Fold([new ConcernRaised(Id, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, null, null, null, false, T0, Press),
            new WorryRepeated(Id, Pupil, again, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, null, true, T0.AddMinutes(3))]);
        (c.Presses, c.LastPressAt, c.Status).ShouldBe((2, T0.AddMinutes(3), ConcernStatus.New));
        c.PressIds.ShouldBe([Press, again]);
        c.Timeline.Last().ShouldBe(new TimelineEntry("pressed-again", Pupil, null, T0.AddMinutes(3)));
    }

    [Fact]
    public void Every_view_acknowledgement_note_action_and_closing_is_on_the_timeline_with_its_author()
    {
        var c = Fold([
            new ConcernRaised(Id, "images", ConcernSource.StaffRecord, Pupil, null, null, Teacher, true, T0),
            new ConcernViewed(Id, Lead, "lead", T0.AddMinutes(1)),
            new ConcernAcknowledged(Id, Lead, T0.AddMinutes(2)),
            new ConcernNoteAdded(Id, Note, Lead, T0.AddMinutes(3)),
            new ConcernActionRecorded(Id, "ceop", Lead, T0.AddMinutes(4)),
            new ConcernClosed(Id, Lead, "referred-on", T0.AddMinutes(5))]);
        c.Status.ShouldBe(ConcernStatus.Closed);
        c.Timeline.Select(t => (t.What, t.By, t.NoteId)).ShouldBe([
            ("raised", Teacher, null), ("viewed", Lead, null), ("acknowledged", Lead, null), ("note", Lead, Note),
            ("action:ceop", Lead, null), ("closed:referred-on", Lead, null)]);
    }

    [Fact]
    public void An_action_moves_a_new_or_acknowledged_concern_to_action_taken_and_views_change_no_status()
    {
        var raised = new ConcernRaised(Id, "images", ConcernSource.StaffRecord, Pupil, null, null, Teacher, true, T0);
        Fold([raised, new ConcernViewed(Id, Lead, "lead", T0)]).Status.ShouldBe(ConcernStatus.New);
        Fold([raised, new ConcernAcknowledged(Id, Lead, T0)]).Status.ShouldBe(ConcernStatus.Acknowledged);
        Fold([raised, new ConcernActionRecorded(Id, "ceop", Lead, T0)]).Status.ShouldBe(ConcernStatus.ActionTaken);
        Fold([raised, new ConcernActionRecorded(Id, "ceop", Lead, T0), new ConcernAcknowledged(Id, Lead, T0)]).Status.ShouldBe(ConcernStatus.ActionTaken);
    }

    [Fact]
    public void The_author_migration_names_the_real_writer_of_each_old_text()
    {
        var staff = Fold([new ConcernRaised(Id, "images", ConcernSource.StaffRecord, Pupil, null, null, Teacher, true, T0), new ConcernNoteAdded(Id, Note, Lead, T0)]);
        var child = Fold([new ConcernRaised(Id, ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, Pupil, null, null, null, true, T0)]);
        ConcernTextAuthorMigration.Corrected(new ConcernText(Guid.NewGuid(), Id, Pupil, "account", T0), staff).ShouldSatisfyAllConditions(
            t => t.Author.ShouldBe(TextAuthor.Staff), t => t.AuthorId.ShouldBe(Teacher));
        ConcernTextAuthorMigration.Corrected(new ConcernText(Note, Id, Pupil, "note", T0), staff).AuthorId.ShouldBe(Lead);
        ConcernTextAuthorMigration.Corrected(new ConcernText(Guid.NewGuid(), Id, Pupil, "words", T0), child).Author.ShouldBe(TextAuthor.Pupil);
    }
}
