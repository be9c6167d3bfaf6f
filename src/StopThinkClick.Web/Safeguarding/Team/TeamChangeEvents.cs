using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Safeguarding.Team;

/// <summary>
/// Changes that would hand someone a sign-in which reads every child's worries: joining the
/// safeguarding team (as lead or deputy), or a new password link or two-step reset for one of them.
/// </summary>
public enum TeamChangeKind { JoinTeam, PasswordLink, TwoStepReset }

// One stream per change (its id), in the school. Ids only: names stay in the staff records.

/// <summary>Somebody asked for the change. <paramref name="To"/> is the role for <see cref="TeamChangeKind.JoinTeam"/>.</summary>
public sealed record TeamChangeAsked(Guid ChangeId, Guid PersonId, TeamChangeKind Kind, AdultRole? To, Guid ByPersonId, DateTimeOffset At);

/// <summary>A member of the team (or the trust's safeguarding lead) approved it; it took effect in the same transaction.</summary>
public sealed record TeamChangeApproved(Guid ChangeId, Guid PersonId, Guid ByPersonId, DateTimeOffset At);

/// <summary>A member of the team refused it, or the one who asked took it back; nothing changed.</summary>
public sealed record TeamChangeRefused(Guid ChangeId, Guid PersonId, Guid ByPersonId, DateTimeOffset At);
