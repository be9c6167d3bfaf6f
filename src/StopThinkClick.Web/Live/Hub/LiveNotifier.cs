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
        var id = live.Id;
        var s = live.State;
        var slideChanged = false;
        foreach (var e in events)
        {
            switch (e)
            {
                case PupilJoined j:
                    var joined = new JoinedPupil(j.PupilId, live.FirstNameOf(j.PupilId), s.Joined.Count, s.ClassPupils.Count);
                    await hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).PupilJoined(joined);
                    break;
                case LiveAnswerReceived a:
                    await hub.Clients.Group(LiveGroups.Console(id)).AnswerSeen(new SeenAnswer(a.PupilId, live.NameOf(a.PupilId), a.QuestionId, a.OptionIds, a.Correct, a.AnswerId, sentAtMs));
                    await hub.Clients.Group(LiveGroups.Board(id)).AnswerCounted(Counts(live, a.QuestionId));
                    break;
                case VoteCast v:
                    await hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).VoteCounted(VoteCounts(live, v.SceneId));
                    break;
                case WorryRaised w:
                    await hub.Clients.Group(LiveGroups.Console(id)).Worry(new WorryAlert(w.PupilId, live.NameOf(w.PupilId), w.ConcernId, w.At));
                    break;
                case ScreensLocked or ScreensUnlocked:
                    await hub.Clients.Group(LiveGroups.Pupils(id)).Locked(s.Locked);
                    slideChanged = true;
                    break;
                case MeaningAsked m:
                    var promise = live.Script.Aup?.Promise(m.PromiseId);
                    await hub.Clients.Group(LiveGroups.Console(id)).Meaning(new MeaningAlert(m.PupilId, live.NameOf(m.PupilId), m.PromiseId, promise?.Text.Plain ?? "", m.At));
                    break;
                case PromiseAffirmed or PupilSigned:
                    var promiseId = (e as PromiseAffirmed)?.PromiseId ?? live.Script[s.Slide].PromiseId ?? "";
                    await hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).Affirmed(
                        new AffirmationCounts(promiseId, s.Affirmations.Values.Count(a => a.Contains(promiseId)), s.Joined.Count, s.Signatures.Count));
                    break;
                case SignaturesWitnessed:
                    slideChanged = true;
                    break;
                case LiveSessionEnded:
                    await hub.Clients.Group(LiveGroups.Pupils(id)).Ended("/pupil");
                    await hub.Clients.Groups(LiveGroups.Board(id), LiveGroups.Console(id)).Ended($"/live/{id}/summary");
                    break;
                case SlideShown or AnswersRevealed or VoteOpened or VoteClosed or BranchChosen:
                    slideChanged = true;
                    break;
            }
        }
        if (slideChanged)
            await hub.Clients.Groups(LiveGroups.Pupils(id), LiveGroups.Board(id), LiveGroups.Console(id)).SlideChanged(live.Version);
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
