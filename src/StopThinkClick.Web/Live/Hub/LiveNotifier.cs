using Microsoft.AspNetCore.SignalR;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// Pushes to the screens what a commit changed, worked out from the snapshot that commit made (one
/// consistent moment). Names go only to the teacher's console; the board gets counts — and first
/// names of who joined only if the teacher turned that on — never who answered what.
/// With scale-out on, SignalR's Redis backplane carries these to every node's screens.
/// </summary>
public sealed class LiveNotifier(IHubContext<LiveHub, ILiveClient> hub)
{
    public async Task AfterAsync(LiveSession live, LiveSnapshot snap, Committed committed)
    {
        foreach (var send in Messages(live, snap, committed)) await send();
    }

    List<Func<Task>> Messages(LiveSession live, LiveSnapshot snap, Committed committed)
    {
        var (id, s, script) = (live.Id, snap.State, live.Script);
        var sends = new List<Func<Task>>();
        var slideChanged = false;
        // Counts go once per commit, whatever the number of answers in it.
        var counted = new HashSet<string>();
        for (var i = 0; i < committed.Events.Count; i++)
        {
            switch (committed.Events[i])
            {
                case PupilJoined j:
                    var joined = new JoinedPupil(j.PupilId, live.FirstNameOf(j.PupilId), s.Joined.Count, s.ClassPupils.Count);
                    // The board is seen by the whole class: a count, and a first name only if the teacher chose it.
                    var onBoard = s.NamesOnBoard ? joined with { PupilId = Guid.Empty } : joined with { PupilId = Guid.Empty, FirstName = null };
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).PupilJoined(joined));
                    sends.Add(() => hub.Clients.Group(LiveGroups.Board(id)).PupilJoined(onBoard));
                    break;
                case LiveAnswerReceived a:
                    var seen = new SeenAnswer(a.PupilId, live.NameOf(a.PupilId), a.QuestionId, a.OptionIds, a.Correct, a.AnswerId, committed.SentAtMs[i]);
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).AnswerSeen(seen));
                    if (counted.Add("q:" + a.QuestionId))
                    {
                        var counts = Counts(script, s, a.QuestionId);
                        sends.Add(() => hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).AnswerCounted(counts));
                    }
                    break;
                case VoteCast v:
                    var seenVote = new SeenVote(v.PupilId, v.SceneId, v.ChoiceId);
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).VoteSeen(seenVote));
                    if (counted.Add("v:" + v.SceneId))
                    {
                        var votes = VoteCounts(script, s, v.SceneId);
                        sends.Add(() => hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).VoteCounted(votes));
                    }
                    break;
                case WorryRaised w:
                    var worry = new WorryAlert(w.PupilId, live.NameOf(w.PupilId), w.ConcernId, w.At);
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).Worry(worry));
                    break;
                case ScreensLocked or ScreensUnlocked:
                    var locked = s.Locked;
                    sends.Add(() => hub.Clients.Group(LiveGroups.Pupils(id)).Locked(locked));
                    slideChanged = true;
                    break;
                case MeaningAsked m:
                    var promise = script.Aup?.Promise(m.PromiseId);
                    var meaning = new MeaningAlert(m.PupilId, live.NameOf(m.PupilId), m.PromiseId, promise?.Text.Plain ?? "", m.At);
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).Meaning(meaning));
                    break;
                case PromiseAffirmed or PupilSigned:
                    var promiseId = (committed.Events[i] as PromiseAffirmed)?.PromiseId ?? script[s.Slide].PromiseId ?? "";
                    if (counted.Add("p:" + promiseId))
                    {
                        var affirmed = new AffirmationCounts(promiseId, s.Affirmations.Values.Count(a => a.Contains(promiseId)), s.Joined.Count, s.Signatures.Count);
                        sends.Add(() => hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).Affirmed(affirmed));
                    }
                    break;
                case LiveSessionEnded:
                    // The summary (who worried, who did not join, who answered what) is for the teacher only:
                    // the board stays where it is and shows the class's closing screen.
                    sends.Add(() => hub.Clients.Groups(LiveGroups.Pupils(id), LiveGroups.Board(id)).Ended(""));
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).Ended($"/live/{id}/summary"));
                    break;
                case SlideShown or AnswersRevealed or VoteOpened or VoteClosed or BranchChosen or BoardNamesChanged or SignaturesWitnessed:
                    slideChanged = true;
                    break;
            }
        }
        if (slideChanged)
        {
            var version = snap.ScreenVersion;
            sends.Add(() => hub.Clients.Groups(LiveGroups.Pupils(id), LiveGroups.Board(id), LiveGroups.Console(id)).SlideChanged(version));
        }
        return sends;
    }

    public static AnswerCounts Counts(Script script, LiveSessionState s, string questionId)
    {
        var question = script.Quiz?.Question(questionId);
        var answers = s.AnswersTo(questionId).ToList();
        var counts = question?.Options.ToDictionary(o => o.Id, o => answers.Count(a => a.OptionIds.Contains(o.Id))) ?? [];
        return new AnswerCounts(questionId, counts, answers.Count, s.Joined.Count);
    }

    public static VoteCounts VoteCounts(Script script, LiveSessionState s, string sceneId)
    {
        var votes = s.Votes.GetValueOrDefault(sceneId) ?? [];
        var scene = script.Scenario?.Scene(sceneId);
        var counts = scene?.Choices.ToDictionary(c => c.Id, c => votes.Values.Count(v => v == c.Id)) ?? [];
        return new VoteCounts(sceneId, counts, votes.Count, s.Joined.Count);
    }
}
