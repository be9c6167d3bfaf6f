using Microsoft.AspNetCore.SignalR;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// Pushes to the screens what committed events changed. Names go only to the teacher's console;
/// the board gets counts and first names of who has joined, never who answered what.
/// </summary>
public sealed class LiveNotifier(IHubContext<LiveHub, ILiveClient> hub)
{
    public async Task AfterAsync(LiveSession live, IReadOnlyList<object> events, long sentAtMs = 0)
    {
        // Work out every message under the session's gate (a consistent view of the state), then send outside it.
        var sends = await live.ReadAsync(s => Messages(live, s, events, sentAtMs));
        foreach (var send in sends) await send();
    }

    List<Func<Task>> Messages(LiveSession live, LiveSessionState s, IReadOnlyList<object> events, long sentAtMs)
    {
        var id = live.Id;
        var sends = new List<Func<Task>>();
        var slideChanged = false;
        foreach (var e in events)
        {
            switch (e)
            {
                case PupilJoined j:
                    var joined = new JoinedPupil(j.PupilId, live.FirstNameOf(j.PupilId), s.Joined.Count, s.ClassPupils.Count);
                    // The board is seen by the whole class: a count, and a first name only if the teacher chose it.
                    var onBoard = s.NamesOnBoard ? joined with { PupilId = Guid.Empty } : joined with { PupilId = Guid.Empty, FirstName = null };
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).PupilJoined(joined));
                    sends.Add(() => hub.Clients.Group(LiveGroups.Board(id)).PupilJoined(onBoard));
                    break;
                case LiveAnswerReceived a:
                    var seen = new SeenAnswer(a.PupilId, live.NameOf(a.PupilId), a.QuestionId, a.OptionIds, a.Correct, a.AnswerId, sentAtMs);
                    var counts = Counts(live, a.QuestionId);
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).AnswerSeen(seen));
                    sends.Add(() => hub.Clients.Group(LiveGroups.Board(id)).AnswerCounted(counts));
                    break;
                case VoteCast v:
                    var votes = VoteCounts(live, v.SceneId);
                    sends.Add(() => hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).VoteCounted(votes));
                    break;
                case WorryRaised w:
                    var worry = new WorryAlert(w.PupilId, live.NameOf(w.PupilId), w.ConcernId, w.At);
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).Worry(worry));
                    break;
                case BoardNamesChanged:
                    slideChanged = true;
                    break;
                case ScreensLocked or ScreensUnlocked:
                    var locked = s.Locked;
                    sends.Add(() => hub.Clients.Group(LiveGroups.Pupils(id)).Locked(locked));
                    slideChanged = true;
                    break;
                case MeaningAsked m:
                    var promise = live.Script.Aup?.Promise(m.PromiseId);
                    var meaning = new MeaningAlert(m.PupilId, live.NameOf(m.PupilId), m.PromiseId, promise?.Text.Plain ?? "", m.At);
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).Meaning(meaning));
                    break;
                case PromiseAffirmed or PupilSigned:
                    var promiseId = (e as PromiseAffirmed)?.PromiseId ?? live.Script[s.Slide].PromiseId ?? "";
                    var affirmed = new AffirmationCounts(promiseId, s.Affirmations.Values.Count(a => a.Contains(promiseId)), s.Joined.Count, s.Signatures.Count);
                    sends.Add(() => hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).Affirmed(affirmed));
                    break;
                case SignaturesWitnessed:
                    slideChanged = true;
                    break;
                case LiveSessionEnded:
                    // The summary (who worried, who did not join, who answered what) is for the teacher only:
                    // the board stays where it is and shows the class's closing screen.
                    sends.Add(() => hub.Clients.Groups(LiveGroups.Pupils(id), LiveGroups.Board(id)).Ended(""));
                    sends.Add(() => hub.Clients.Group(LiveGroups.Console(id)).Ended($"/live/{id}/summary"));
                    break;
                case SlideShown or AnswersRevealed or VoteOpened or VoteClosed or BranchChosen:
                    slideChanged = true;
                    break;
            }
        }
        if (slideChanged)
        {
            var version = live.Version;
            sends.Add(() => hub.Clients.Groups(LiveGroups.Pupils(id), LiveGroups.Board(id), LiveGroups.Console(id)).SlideChanged(version));
        }
        return sends;
    }

    public static AnswerCounts Counts(LiveSession live, string questionId)
    {
        var question = live.Script.Quiz?.Question(questionId);
        var answers = live.State.AnswersTo(questionId).ToList();
        var counts = question?.Options.ToDictionary(o => o.Id, o => answers.Count(a => a.OptionIds.Contains(o.Id))) ?? [];
        return new AnswerCounts(questionId, counts, answers.Count, live.State.Joined.Count);
    }

    public static VoteCounts VoteCounts(LiveSession live, string sceneId)
    {
        var votes = live.State.Votes.GetValueOrDefault(sceneId) ?? [];
        var scene = live.Script.Scenario?.Scene(sceneId);
        var counts = scene?.Choices.ToDictionary(c => c.Id, c => votes.Values.Count(v => v == c.Id)) ?? [];
        return new VoteCounts(sceneId, counts, votes.Count, live.State.Joined.Count);
    }
}
