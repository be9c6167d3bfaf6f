using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Live.Sessions;

// A live session's stream (stream id = session id). Pseudonymous ids and content ids only.

public enum LiveKind { Lesson, Quiz, Scenario, Ceremony }

/// <param name="NamesOnBoard">whether the board lists the first names of who has joined (off unless the teacher turns it on)</param>
public sealed record LiveSessionStarted(Guid SessionId, Guid ClassId, Guid TeacherId, LiveKind Kind, string ItemId, string JoinCode, IReadOnlyList<Guid> ClassPupils, DateTimeOffset At, bool NamesOnBoard = false);
public sealed record PupilJoined(Guid SessionId, Guid PupilId, DateTimeOffset At);
public sealed record PupilLeft(Guid SessionId, Guid PupilId, DateTimeOffset At);

/// <summary>The teacher moved the class to slide <paramref name="Slide"/> (for a story: to a scene).</summary>
public sealed record SlideShown(Guid SessionId, int Slide, string? SceneId, DateTimeOffset At);

public sealed record AnswersRevealed(Guid SessionId, string QuestionId, DateTimeOffset At);

/// <summary>An answer the pupil's device sent; its id makes a resend after a dropped connection harmless.</summary>
public sealed record LiveAnswerReceived(Guid SessionId, Guid PupilId, Guid AnswerId, string QuestionId, IReadOnlyList<string> OptionIds, bool Correct, DateTimeOffset At);

public sealed record VoteOpened(Guid SessionId, string SceneId, DateTimeOffset At);
public sealed record VoteCast(Guid SessionId, Guid PupilId, Guid VoteId, string SceneId, string ChoiceId, DateTimeOffset At);
public sealed record VoteClosed(Guid SessionId, string SceneId, DateTimeOffset At);

/// <summary>The story goes on along a branch: the class's vote, or another the teacher chose to discuss.</summary>
public sealed record BranchChosen(Guid SessionId, string SceneId, string ChoiceId, bool FollowedVote, DateTimeOffset At);

/// <summary>The teacher chose whether the board lists the first names of who has joined.</summary>
public sealed record BoardNamesChanged(Guid SessionId, bool Shown, DateTimeOffset At);

public sealed record ScreensLocked(Guid SessionId, DateTimeOffset At);
public sealed record ScreensUnlocked(Guid SessionId, DateTimeOffset At);

/// <summary>
/// A pupil pressed "I'm worried" during the session; the concern itself is on its own stream.
/// <c>ConcernId</c> is the id this press was raised with (made on the server; the concern log keeps
/// it among the concern's press ids, and may merge repeated presses into one concern).
/// </summary>
/// <param name="WorryId">the pupil's device's id for this press (a resend is recognised by it); empty in streams written before it existed</param>
public sealed record WorryRaised(Guid SessionId, Guid PupilId, Guid ConcernId, DateTimeOffset At, Guid WorryId = default);

/// <summary>A pupil asked "what does this mean?" about an AUP promise during the ceremony.</summary>
public sealed record MeaningAsked(Guid SessionId, Guid PupilId, string PromiseId, DateTimeOffset At);

public sealed record LiveSessionEnded(Guid SessionId, DateTimeOffset At);
