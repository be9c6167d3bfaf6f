using Marten.Events.Aggregation;

namespace StopThinkClick.Web.Safeguarding.Concerns;

public sealed partial class ConcernProjection : SingleStreamProjection<Concern, Guid>
{
    public void Apply(ConcernRaised e, Concern c)
    {
        (c.Topic, c.Source, c.PupilId, c.ClassId, c.SessionId, c.RaisedBy, c.RaisedAt) = (e.Topic, e.Source, e.PupilId, e.ClassId, e.SessionId, e.RaisedBy, e.At);
        c.Status = ConcernStatus.New;
        if (e.Source != ConcernSource.StaffRecord) (c.Presses, c.LastPressAt) = (1, e.At);
        if (e.PressId is { } press) c.PressIds.Add(press);
        c.Timeline.Add(new TimelineEntry("raised", e.RaisedBy ?? e.PupilId, null, e.At));
    }

    public void Apply(WorryRepeated e, Concern c)
    {
        c.Presses++;
        c.LastPressAt = e.At;
        c.PressIds.Add(e.PressId);
        c.Timeline.Add(new TimelineEntry("pressed-again", e.PupilId, null, e.At));
    }

    public void Apply(ConcernViewed e, Concern c) => c.Timeline.Add(new TimelineEntry("viewed", e.ViewerId, null, e.At));

    public void Apply(ConcernAcknowledged e, Concern c)
    {
        if (c.Status == ConcernStatus.New) c.Status = ConcernStatus.Acknowledged;
        c.Timeline.Add(new TimelineEntry("acknowledged", e.By, null, e.At));
    }

    public void Apply(ConcernNoteAdded e, Concern c) => c.Timeline.Add(new TimelineEntry("note", e.By, e.NoteId, e.At));

    public void Apply(ConcernActionRecorded e, Concern c)
    {
        if (c.Status is ConcernStatus.New or ConcernStatus.Acknowledged) c.Status = ConcernStatus.ActionTaken;
        c.Timeline.Add(new TimelineEntry("action:" + e.Action, e.By, null, e.At));
    }

    public void Apply(ConcernClosed e, Concern c)
    {
        c.Status = ConcernStatus.Closed;
        c.Timeline.Add(new TimelineEntry("closed:" + e.Outcome, e.By, null, e.At));
    }
}
