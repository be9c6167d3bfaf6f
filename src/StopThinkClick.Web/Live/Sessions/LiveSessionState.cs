using StopThinkClick.Web.Aup;

namespace StopThinkClick.Web.Live.Sessions;

public sealed record LiveAnswer(Guid AnswerId, Guid PupilId, string QuestionId, IReadOnlyList<string> OptionIds, bool Correct, DateTimeOffset At);

/// <summary>
/// A live session as its events have made it: where the class is, who joined, every answer and
/// vote. Folded from the session stream after a restart, and kept in memory while it runs.
/// Applying an event twice changes nothing, so events echoed back from another node are harmless.
/// </summary>
public sealed class LiveSessionState
{
    public Guid Id { get; private set; }
    public Guid ClassId { get; private set; }
    public Guid TeacherId { get; private set; }
    public LiveKind Kind { get; private set; }
    public string ItemId { get; private set; } = "";
    public string JoinCode { get; private set; } = "";
    public IReadOnlySet<Guid> ClassPupils { get; private set; } = new HashSet<Guid>();
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public bool Ended => EndedAt is not null;

    public int Slide { get; private set; }
    public string? SceneId { get; private set; }
    public List<string> SceneHistory { get; } = [];
    public bool Locked { get; private set; }

    /// <summary>The board lists first names of who has joined only when the teacher chose it: the class sees who is missing otherwise.</summary>
    public bool NamesOnBoard { get; private set; }

    public HashSet<Guid> Joined { get; } = [];
    public Dictionary<Guid, LiveAnswer> Answers { get; } = [];
    public HashSet<string> Revealed { get; } = [];

    public string? OpenVoteScene { get; private set; }
    public Dictionary<string, Dictionary<Guid, string>> Votes { get; } = [];
    public HashSet<Guid> VoteIds { get; } = [];
    public List<BranchChosen> Branches { get; } = [];

    public Dictionary<Guid, HashSet<string>> Affirmations { get; } = [];
    public Dictionary<Guid, Guid> Signatures { get; } = [];
    public HashSet<Guid> Witnessed { get; } = [];

    public List<WorryRaised> Worries { get; } = [];
    public List<MeaningAsked> Meanings { get; } = [];

    public LiveAnswer? AnswerOf(Guid pupil, string questionId) =>
        Answers.Values.FirstOrDefault(a => a.PupilId == pupil && a.QuestionId == questionId);

    public IEnumerable<LiveAnswer> AnswersTo(string questionId) => Answers.Values.Where(a => a.QuestionId == questionId);

    /// <summary>
    /// A deep copy. The command pipeline decides a batch on a copy and publishes it only once the
    /// batch is committed, so a published state is never changed again: screens read it without a lock.
    /// </summary>
    public LiveSessionState Clone()
    {
        var copy = new LiveSessionState
        {
            Id = Id, ClassId = ClassId, TeacherId = TeacherId, Kind = Kind, ItemId = ItemId, JoinCode = JoinCode, ClassPupils = ClassPupils,
            StartedAt = StartedAt, EndedAt = EndedAt, Slide = Slide, SceneId = SceneId, Locked = Locked, NamesOnBoard = NamesOnBoard,
            OpenVoteScene = OpenVoteScene,
        };
        copy.SceneHistory.AddRange(SceneHistory);
        copy.Joined.UnionWith(Joined);
        foreach (var (k, v) in Answers) copy.Answers[k] = v;
        copy.Revealed.UnionWith(Revealed);
        foreach (var (k, v) in Votes) copy.Votes[k] = new Dictionary<Guid, string>(v);
        copy.VoteIds.UnionWith(VoteIds);
        copy.Branches.AddRange(Branches);
        foreach (var (k, v) in Affirmations) copy.Affirmations[k] = [.. v];
        foreach (var (k, v) in Signatures) copy.Signatures[k] = v;
        copy.Witnessed.UnionWith(Witnessed);
        copy.Worries.AddRange(Worries);
        copy.Meanings.AddRange(Meanings);
        return copy;
    }

    public static LiveSessionState From(IEnumerable<object> events)
    {
        var state = new LiveSessionState();
        foreach (var e in events) state.Apply(e);
        return state;
    }

    public void Apply(object @event)
    {
        switch (@event)
        {
            case LiveSessionStarted e:
                (Id, ClassId, TeacherId, Kind, ItemId, JoinCode, StartedAt) = (e.SessionId, e.ClassId, e.TeacherId, e.Kind, e.ItemId, e.JoinCode, e.At);
                ClassPupils = e.ClassPupils.ToHashSet();
                NamesOnBoard = e.NamesOnBoard;
                break;
            case PupilJoined e: Joined.Add(e.PupilId); break;
            case PupilLeft e: Joined.Remove(e.PupilId); break;
            case SlideShown e:
                if (e.SceneId is not null && e.SceneId != SceneId)
                {
                    if (SceneHistory.Count > 1 && SceneHistory[^2] == e.SceneId) SceneHistory.RemoveAt(SceneHistory.Count - 1);
                    else SceneHistory.Add(e.SceneId);
                }
                (Slide, SceneId) = (e.Slide, e.SceneId ?? SceneId);
                if (OpenVoteScene is not null && OpenVoteScene != SceneId) OpenVoteScene = null;
                break;
            case AnswersRevealed e: Revealed.Add(e.QuestionId); break;
            case LiveAnswerReceived e:
                Answers.TryAdd(e.AnswerId, new LiveAnswer(e.AnswerId, e.PupilId, e.QuestionId, e.OptionIds, e.Correct, e.At));
                break;
            case VoteOpened e: OpenVoteScene = e.SceneId; break;
            case VoteCast e:
                if (VoteIds.Add(e.VoteId))
                {
                    if (!Votes.TryGetValue(e.SceneId, out var votes)) Votes[e.SceneId] = votes = [];
                    votes[e.PupilId] = e.ChoiceId;
                }
                break;
            case VoteClosed e: if (OpenVoteScene == e.SceneId) OpenVoteScene = null; break;
            case BranchChosen e:
                if (!Branches.Contains(e)) Branches.Add(e);
                break;
            case BoardNamesChanged e: NamesOnBoard = e.Shown; break;
            case ScreensLocked: Locked = true; break;
            case ScreensUnlocked: Locked = false; break;
            case WorryRaised e: if (Worries.All(w => w.ConcernId != e.ConcernId)) Worries.Add(e); break;
            case MeaningAsked e: if (!Meanings.Contains(e)) Meanings.Add(e); break;
            case PromiseAffirmed e:
                if (!Affirmations.TryGetValue(e.PupilId, out var promised)) Affirmations[e.PupilId] = promised = [];
                promised.Add(e.PromiseId);
                break;
            case PupilSigned e: Signatures.TryAdd(e.PupilId, e.SignatureId); break;
            case SignaturesWitnessed e: Witnessed.UnionWith(e.PupilIds); break;
            case LiveSessionEnded e: EndedAt ??= e.At; Locked = false; break;
        }
    }
}
