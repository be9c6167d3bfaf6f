namespace StopThinkClick.Web.Safeguarding.Audit;

/// <summary>What was looked at, exported or erased.</summary>
public enum AccessKind { ConcernList, Concern, SafeguardingFile, LiveWorryLine, SubjectAccessExport, Erasure, LeaversErasure, RetentionErasure }

/// <summary>
/// One look at (or export or erasure of) a child's safeguarding or personal data: who, in which
/// role, when, and what — by id only, so the record itself names no child. The safeguarding lead
/// reads these on <c>/safeguarding/access</c>. Documents, not one stream, so that thirty teachers
/// opening summaries at once never queue behind each other; nothing in the app updates or deletes one.
/// </summary>
public sealed record AccessRecord(Guid Id, Guid PersonId, string Role, AccessKind What, Guid? ConcernId, Guid? PupilId, Guid? SessionId, string Detail, DateTimeOffset At);
