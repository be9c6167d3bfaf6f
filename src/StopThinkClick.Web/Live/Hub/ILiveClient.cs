namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// What the server pushes to screens. Pushes are small: a slide change only says "fetch the new
/// slide" (the page draws it with the same Razor parts as the solo players); counts and answers
/// come as numbers and ids.
/// </summary>
public interface ILiveClient
{
    Task SlideChanged(int version);
    Task Locked(bool locked);
    Task PupilJoined(JoinedPupil pupil);
    Task AnswerCounted(AnswerCounts counts);
    Task AnswerSeen(SeenAnswer answer);
    Task VoteCounted(VoteCounts counts);
    Task VoteSeen(SeenVote vote);
    Task Worry(WorryAlert worry);
    Task Meaning(MeaningAlert meaning);
    Task Affirmed(AffirmationCounts counts);
    /// <param name="nextUrl">where the screen goes next; empty: stay and show the closing slide</param>
    Task Ended(string nextUrl);
}

/// <summary>Someone joined. The board's copy has no id, and a first name only when the teacher turned names on.</summary>
public sealed record JoinedPupil(Guid PupilId, string? FirstName, int Joined, int InClass);

/// <summary>For the board: how many chose each option. Never who.</summary>
public sealed record AnswerCounts(string QuestionId, IReadOnlyDictionary<string, int> Counts, int Answered, int Joined);

/// <summary>For the teacher's console only: who answered what.</summary>
public sealed record SeenAnswer(Guid PupilId, string Name, string QuestionId, IReadOnlyList<string> OptionIds, bool Correct, Guid AnswerId, long SentAtMs);

/// <summary>For the teacher's console only: who voted for which choice.</summary>
public sealed record SeenVote(Guid PupilId, string SceneId, string ChoiceId);

public sealed record VoteCounts(string SceneId, IReadOnlyDictionary<string, int> Counts, int Voted, int Joined);

public sealed record WorryAlert(Guid PupilId, string Name, Guid ConcernId, DateTimeOffset At);

public sealed record MeaningAlert(Guid PupilId, string Name, string PromiseId, string Promise, DateTimeOffset At);

public sealed record AffirmationCounts(string PromiseId, int Affirmed, int Joined, int Signed);

/// <summary>The answer to a pupil's answer, vote or worry: stored (Ok) or refused, with words for the child.</summary>
public sealed record Ack(bool Ok, string? Message = null)
{
    public static Ack Stored { get; } = new(true);
    public static Ack Refused(string message) => new(false, message);
}

/// <summary>What a pupil's device needs when it (re)joins: the slide to fetch and whether screens are locked.</summary>
public sealed record JoinState(bool Ok, string? Message, int Version, bool Locked, bool Ended);
