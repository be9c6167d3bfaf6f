namespace StopThinkClick.Web.Teachers.SetWork;

/// <summary>A lesson, quiz or scenario a teacher set for a whole class (PupilId null) or one pupil.</summary>
public sealed record WorkSet(Guid Id, Guid ClassId, Guid? PupilId, string ItemId, Guid SetBy, DateTimeOffset At);
