using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Live.Sessions;

/// <summary>
/// Pure decisions for a live session. The hub checks who is calling (the session's teacher, or a
/// pupil of its class); these check what the session allows now.
/// </summary>
public static class LiveDecider
{
    public static Decision Join(LiveSessionState s, Guid pupil, DateTimeOffset now)
    {
        if (s.Ended) return Decision.Refuse("This live lesson has finished.");
        if (!s.ClassPupils.Contains(pupil)) return Decision.Refuse("This live lesson is for another class.");
        return s.Joined.Contains(pupil) ? Decision.Nothing : Decision.Of(new PupilJoined(s.Id, pupil, now));
    }

    public static Decision Next(LiveSessionState s, Script script, DateTimeOffset now)
    {
        if (s.Ended) return Decision.Refuse("The session has ended.");
        if (script.Scenario is { } story && script[s.Slide].Kind == SlideKind.Scene)
        {
            var scene = story.Scene(s.SceneId ?? story.StartSceneId)!;
            if (scene.IsEnding) return Decision.Of(new SlideShown(s.Id, s.Slide + 1, null, now));
            var votes = s.Votes.GetValueOrDefault(scene.Id);
            if (s.OpenVoteScene != scene.Id && votes is not { Count: > 0 })
                return Decision.Refuse("Open the vote first, or choose which way the story goes.");
            var winner = Winner(scene, votes);
            return ChooseBranch(s, script, winner.Id, now) with { };
        }
        if (s.Slide >= script.Last) return Decision.Refuse("This is the last slide. End the session when you are ready.");
        var next = s.Slide + 1;
        return Decision.Of(new SlideShown(s.Id, next, script[next].Kind == SlideKind.Scene ? script.Scenario!.StartSceneId : null, now));
    }

    public static Decision Back(LiveSessionState s, Script script, DateTimeOffset now)
    {
        if (s.Ended) return Decision.Refuse("The session has ended.");
        if (script.Scenario is not null && script[s.Slide].Kind == SlideKind.Scene && s.SceneHistory.Count > 1)
            return Decision.Of(new SlideShown(s.Id, s.Slide, s.SceneHistory[^2], now));
        if (s.Slide == 0) return Decision.Refuse("This is the first slide.");
        var back = s.Slide - 1;
        return Decision.Of(new SlideShown(s.Id, back, script[back].Kind == SlideKind.Scene ? s.SceneId ?? script.Scenario!.StartSceneId : null, now));
    }

    public static Decision Reveal(LiveSessionState s, Script script, DateTimeOffset now)
    {
        var slide = script[s.Slide];
        if (s.Ended || slide.QuestionId is null) return Decision.Refuse("There is no question to reveal.");
        return s.Revealed.Contains(slide.QuestionId) ? Decision.Nothing : Decision.Of(new AnswersRevealed(s.Id, slide.QuestionId, now));
    }

    public static Decision Lock(LiveSessionState s, bool locked, DateTimeOffset now) =>
        s.Ended ? Decision.Refuse("The session has ended.")
        : s.Locked == locked ? Decision.Nothing
        : Decision.Of(locked ? new ScreensLocked(s.Id, now) : new ScreensUnlocked(s.Id, now));

    public static Decision ShowNames(LiveSessionState s, bool shown, DateTimeOffset now) =>
        s.Ended ? Decision.Refuse("The session has ended.")
        : s.NamesOnBoard == shown ? Decision.Nothing
        : Decision.Of(new BoardNamesChanged(s.Id, shown, now));

    public static Decision OpenVote(LiveSessionState s, Script script, DateTimeOffset now)
    {
        if (s.Ended || script.Scenario is not { } story || s.SceneId is null) return Decision.Refuse("There is nothing to vote on.");
        if (story.Scene(s.SceneId) is not { IsEnding: false, Choices.Count: > 0 }) return Decision.Refuse("There is nothing to vote on here.");
        return s.OpenVoteScene == s.SceneId ? Decision.Nothing : Decision.Of(new VoteOpened(s.Id, s.SceneId, now));
    }

    public static Decision CloseVote(LiveSessionState s, DateTimeOffset now) =>
        s.Ended ? Decision.Refuse("The session has ended.")
        : s.OpenVoteScene is null ? Decision.Nothing : Decision.Of(new VoteClosed(s.Id, s.OpenVoteScene, now));

    /// <summary>The story goes on along <paramref name="choiceId"/>; a vote still open is closed first.</summary>
    public static Decision ChooseBranch(LiveSessionState s, Script script, string choiceId, DateTimeOffset now)
    {
        if (s.Ended || script.Scenario is not { } story || s.SceneId is null) return Decision.Refuse("There is no story to move on.");
        var scene = story.Scene(s.SceneId)!;
        var choice = scene.Choice(choiceId);
        if (choice is null) return Decision.Refuse("That choice is not in this scene.");
        var events = new List<object>();
        if (s.OpenVoteScene == scene.Id) events.Add(new VoteClosed(s.Id, scene.Id, now));
        var votes = s.Votes.GetValueOrDefault(scene.Id);
        var followed = votes is { Count: > 0 } && Winner(scene, votes).Id == choiceId;
        events.Add(new BranchChosen(s.Id, scene.Id, choiceId, followed, now));
        events.Add(new SlideShown(s.Id, s.Slide, choice.TargetSceneId, now));
        return new Decision(events);
    }

    public static Decision Answer(LiveSessionState s, Script script, Guid pupil, Guid answerId, string questionId, IReadOnlyList<string> optionIds, DateTimeOffset now)
    {
        if (s.Answers.ContainsKey(answerId)) return Decision.Nothing;
        if (s.Ended) return Decision.Refuse("This live lesson has finished.");
        if (!s.Joined.Contains(pupil)) return Decision.Refuse("Join the live lesson first.");
        var slide = script[s.Slide];
        if (slide.QuestionId != questionId || script.QuestionOf(slide) is not { } question)
            return Decision.Refuse("That question is not open now.");
        if (s.Revealed.Contains(questionId)) return Decision.Refuse("The answers have been shown, so this question is closed.");
        if (s.AnswerOf(pupil, questionId) is not null) return Decision.Refuse("You already answered this question.");
        if (!question.Fits(optionIds)) return Decision.Refuse("That answer does not fit the question.");
        return Decision.Of(new LiveAnswerReceived(s.Id, pupil, answerId, questionId, optionIds, question.IsRight(optionIds), now));
    }

    public static Decision Vote(LiveSessionState s, Script script, Guid pupil, Guid voteId, string sceneId, string choiceId, DateTimeOffset now)
    {
        if (s.VoteIds.Contains(voteId)) return Decision.Nothing;
        if (s.Ended) return Decision.Refuse("This live lesson has finished.");
        if (!s.Joined.Contains(pupil)) return Decision.Refuse("Join the live lesson first.");
        if (s.OpenVoteScene != sceneId) return Decision.Refuse("Voting is not open for this part of the story.");
        if (script.Scenario?.Scene(sceneId)?.Choice(choiceId) is null) return Decision.Refuse("That choice is not in this part of the story.");
        return Decision.Of(new VoteCast(s.Id, pupil, voteId, sceneId, choiceId, now));
    }

    /// <summary>
    /// A worry is never refused: a child who presses "I'm worried" after the end, or from a tablet
    /// that missed the join, is still heard. Only a resend of the same press is recognised.
    /// </summary>
    public static Decision Worry(LiveSessionState s, Guid pupil, Guid worryId, Guid concernId, DateTimeOffset now) =>
        s.Worries.Any(w => w.WorryId == worryId || w.ConcernId == worryId) ? Decision.Nothing
        : Decision.Of(new WorryRaised(s.Id, pupil, concernId, now, worryId));

    public static Decision End(LiveSessionState s, DateTimeOffset now) =>
        s.Ended ? Decision.Refuse("The session has already ended.") : Decision.Of(new LiveSessionEnded(s.Id, now));

    /// <summary>The most voted choice; a tie goes to the safer choice, then to the first written.</summary>
    public static Choice Winner(Scene scene, IReadOnlyDictionary<Guid, string>? votes)
    {
        var counts = scene.Choices.ToDictionary(c => c.Id, c => votes?.Values.Count(v => v == c.Id) ?? 0);
        return scene.Choices.OrderByDescending(c => counts[c.Id]).ThenBy(c => c.Risky).First();
    }
}
