using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Schools.Admin;

// Adult accounts' history, one stream per person (their person id), in their school. Ids only:
// the name stays in the staff or parent record, which is never deleted, so history keeps it.

public sealed record StaffAccountOpened(Guid PersonId, AdultRole Role, Guid ByPersonId, DateTimeOffset At);

/// <summary>Recorded for every role change; to or from safeguarding lead is the one a DPO will look for.</summary>
public sealed record StaffRoleChanged(Guid PersonId, AdultRole From, AdultRole To, Guid ByPersonId, DateTimeOffset At);

public sealed record StaffAccountDeactivated(Guid PersonId, Guid ByPersonId, DateTimeOffset At);

public sealed record StaffAccountReopened(Guid PersonId, Guid ByPersonId, DateTimeOffset At);

public sealed record SignInLinkIssued(Guid PersonId, string Kind, Guid ByPersonId, DateTimeOffset At);

public sealed record TwoStepReset(Guid PersonId, Guid ByPersonId, DateTimeOffset At);

/// <summary>Someone let the person try their password and code again at once, after a pause of wrong tries.</summary>
public sealed record SignInUnpaused(Guid PersonId, Guid ByPersonId, DateTimeOffset At);

public sealed record ParentUnlinked(Guid ParentId, Guid PupilId, Guid ByPersonId, DateTimeOffset At);
