using StopThinkClick.Web.Live.Sessions;
using static StopThinkClick.UnitTests.World;

namespace StopThinkClick.UnitTests.Live;

/// <summary>Given a session's events, when someone asks, then these events — or this refusal, and nothing stored.</summary>
public sealed class LiveDeciderTests
{
    static readonly Guid S = Guid.Parse("5e550000-0000-0000-0000-000000000001");
    static readonly Guid Teacher = Guid.Parse("7eac0000-0000-0000-0000-000000000001");
    static readonly Guid Stranger = Guid.Parse("00000000-0000-0000-0000-0000000000ff");
    static readonly Script QuizScript = Script.For(LiveKind.Quiz, "y3-passwords-quiz", Catalogue)!;
    static readonly Script StoryScript = Script.For(LiveKind.Scenario, "y4-gems", Catalogue)!;

    static LiveSessionStarted Started(LiveKind kind = LiveKind.Quiz, string item = "y3-passwords-quiz") =>
        new(S, Guid.Empty, Teacher, kind, item, "123456", [Pupil, Other], Now);

    static LiveSessionState Given(params object[] events) => LiveSessionState.From(events);

    static readonly object[] QuestionOneOpen = [Started(), new PupilJoined(S, Pupil, Now), new SlideShown(S, 1, null, Now)];
    static readonly object[] StoryAtLobby = [Started(LiveKind.Scenario, "y4-gems"), new PupilJoined(S, Pupil, Now), new PupilJoined(S, Other, Now), new SlideShown(S, 1, "lobby", Now)];
    static readonly LiveSessionEnded Ended = new(S, Now);

    [Fact]
    public void Joining() 
    {
        LiveDecider.Join(Given(Started()), Pupil, Now).ShouldEmit(new PupilJoined(S, Pupil, Now));
        LiveDecider.Join(Given(Started(), new PupilJoined(S, Pupil, Now)), Pupil, Now).ShouldBeNothing();
        LiveDecider.Join(Given(Started()), Stranger, Now).ShouldRefuse("This live lesson is for another class.");
        LiveDecider.Join(Given(Started(), Ended), Pupil, Now).ShouldRefuse("This live lesson has finished.");
    }

    [Fact]
    public void Moving_on_and_back()
    {
        LiveDecider.Next(Given(Started()), QuizScript, Now).ShouldEmit(new SlideShown(S, 1, null, Now));
        LiveDecider.Next(Given(Started(), new SlideShown(S, 4, null, Now)), QuizScript, Now).ShouldRefuse("This is the last slide. End the session when you are ready.");
        LiveDecider.Next(Given(Started(), Ended), QuizScript, Now).ShouldRefuse("The session has ended.");
        LiveDecider.Back(Given(Started(), new SlideShown(S, 2, null, Now)), QuizScript, Now).ShouldEmit(new SlideShown(S, 1, null, Now));
        LiveDecider.Back(Given(Started()), QuizScript, Now).ShouldRefuse("This is the first slide.");
        LiveDecider.Back(Given(Started(), Ended), QuizScript, Now).ShouldRefuse("The session has ended.");
    }

    [Fact]
    public void Answering()
    {
        var id = Guid.CreateVersion7();
        LiveDecider.Answer(Given(QuestionOneOpen), QuizScript, Pupil, id, "q1", ["b"], Now)
            .ShouldEmit(new LiveAnswerReceived(S, Pupil, id, "q1", ["b"], true, Now));
        LiveDecider.Answer(Given(QuestionOneOpen), QuizScript, Pupil, id, "q1", ["a"], Now)
            .ShouldEmit(new LiveAnswerReceived(S, Pupil, id, "q1", ["a"], false, Now));
        var answered = QuestionOneOpen.Append(new LiveAnswerReceived(S, Pupil, id, "q1", ["b"], true, Now)).ToArray();
        LiveDecider.Answer(Given(answered), QuizScript, Pupil, id, "q1", ["b"], Now).ShouldBeNothing(); // a resend
        LiveDecider.Answer(Given(answered), QuizScript, Pupil, Guid.CreateVersion7(), "q1", ["a"], Now).ShouldRefuse("You already answered this question.");
        LiveDecider.Answer(Given(QuestionOneOpen), QuizScript, Pupil, id, "q2", ["b"], Now).ShouldRefuse("That question is not open now.");
        LiveDecider.Answer(Given(QuestionOneOpen), QuizScript, Pupil, id, "q1", ["a", "b"], Now).ShouldRefuse("That answer does not fit the question.");
        LiveDecider.Answer(Given(QuestionOneOpen), QuizScript, Other, id, "q1", ["b"], Now).ShouldRefuse("Join the live lesson first.");
        LiveDecider.Answer(Given([.. QuestionOneOpen, new AnswersRevealed(S, "q1", Now)]), QuizScript, Pupil, id, "q1", ["b"], Now)
            .ShouldRefuse("The answers have been shown, so this question is closed.");
        LiveDecider.Answer(Given([.. QuestionOneOpen, Ended]), QuizScript, Pupil, id, "q1", ["b"], Now).ShouldRefuse("This live lesson has finished.");
    }

    [Fact]
    public void Revealing_locking_and_names_on_the_board()
    {
        LiveDecider.Reveal(Given(QuestionOneOpen), QuizScript, Now).ShouldEmit(new AnswersRevealed(S, "q1", Now));
        LiveDecider.Reveal(Given([.. QuestionOneOpen, new AnswersRevealed(S, "q1", Now)]), QuizScript, Now).ShouldBeNothing();
        LiveDecider.Reveal(Given(Started()), QuizScript, Now).ShouldRefuse("There is no question to reveal.");
        LiveDecider.Reveal(Given([.. QuestionOneOpen, Ended]), QuizScript, Now).ShouldRefuse("There is no question to reveal.");

        LiveDecider.Lock(Given(Started()), true, Now).ShouldEmit(new ScreensLocked(S, Now));
        LiveDecider.Lock(Given(Started(), new ScreensLocked(S, Now)), false, Now).ShouldEmit(new ScreensUnlocked(S, Now));
        LiveDecider.Lock(Given(Started()), false, Now).ShouldBeNothing();
        LiveDecider.Lock(Given(Started(), Ended), true, Now).ShouldRefuse("The session has ended.");

        Given(Started()).NamesOnBoard.ShouldBeFalse("names on the board are off unless the teacher turns them on");
        LiveDecider.ShowNames(Given(Started()), true, Now).ShouldEmit(new BoardNamesChanged(S, true, Now));
        LiveDecider.ShowNames(Given(Started()), false, Now).ShouldBeNothing();
        LiveDecider.ShowNames(Given(Started(), new BoardNamesChanged(S, true, Now)), false, Now).ShouldEmit(new BoardNamesChanged(S, false, Now));
        LiveDecider.ShowNames(Given(Started(), Ended), true, Now).ShouldRefuse("The session has ended.");
    }

    [Fact]
    public void Voting_on_a_story()
    {
        LiveDecider.OpenVote(Given(StoryAtLobby), StoryScript, Now).ShouldEmit(new VoteOpened(S, "lobby", Now));
        LiveDecider.OpenVote(Given([.. StoryAtLobby, new VoteOpened(S, "lobby", Now)]), StoryScript, Now).ShouldBeNothing();
        LiveDecider.OpenVote(Given(QuestionOneOpen), QuizScript, Now).ShouldRefuse("There is nothing to vote on.");
        LiveDecider.OpenVote(Given([.. StoryAtLobby, new SlideShown(S, 1, "blocked", Now)]), StoryScript, Now).ShouldRefuse("There is nothing to vote on here.");

        var open = StoryAtLobby.Append(new VoteOpened(S, "lobby", Now)).ToArray();
        var vote = Guid.CreateVersion7();
        LiveDecider.Vote(Given(open), StoryScript, Pupil, vote, "lobby", "c2", Now).ShouldEmit(new VoteCast(S, Pupil, vote, "lobby", "c2", Now));
        LiveDecider.Vote(Given([.. open, new VoteCast(S, Pupil, vote, "lobby", "c2", Now)]), StoryScript, Pupil, vote, "lobby", "c2", Now).ShouldBeNothing();
        LiveDecider.Vote(Given(StoryAtLobby), StoryScript, Pupil, vote, "lobby", "c2", Now).ShouldRefuse("Voting is not open for this part of the story.");
        LiveDecider.Vote(Given(open), StoryScript, Pupil, vote, "lobby", "c9", Now).ShouldRefuse("That choice is not in this part of the story.");
        LiveDecider.Vote(Given(open), StoryScript, Stranger, vote, "lobby", "c2", Now).ShouldRefuse("Join the live lesson first.");
        LiveDecider.Vote(Given([.. open, Ended]), StoryScript, Pupil, vote, "lobby", "c2", Now).ShouldRefuse("This live lesson has finished.");

        LiveDecider.CloseVote(Given(open), Now).ShouldEmit(new VoteClosed(S, "lobby", Now));
        LiveDecider.CloseVote(Given(StoryAtLobby), Now).ShouldBeNothing();
        LiveDecider.CloseVote(Given([.. open, Ended]), Now).ShouldRefuse("The session has ended.");
    }

    [Fact]
    public void The_story_goes_the_way_the_class_voted_and_a_tie_goes_to_the_safer_choice()
    {
        var open = StoryAtLobby.Append(new VoteOpened(S, "lobby", Now)).ToArray();
        LiveDecider.Next(Given(StoryAtLobby), StoryScript, Now).ShouldRefuse("Open the vote first, or choose which way the story goes.");
        var risky = Given([.. open, new VoteCast(S, Pupil, Guid.NewGuid(), "lobby", "c1", Now), new VoteCast(S, Other, Guid.NewGuid(), "lobby", "c1", Now)]);
        LiveDecider.Next(risky, StoryScript, Now).ShouldEmit(
            new VoteClosed(S, "lobby", Now), new BranchChosen(S, "lobby", "c1", true, Now), new SlideShown(S, 1, "offer", Now));
        var tie = Given([.. open, new VoteCast(S, Pupil, Guid.NewGuid(), "lobby", "c1", Now), new VoteCast(S, Other, Guid.NewGuid(), "lobby", "c2", Now)]);
        LiveDecider.Winner(Story.Scene("lobby")!, tie.Votes["lobby"]).Id.ShouldBe("c2");

        LiveDecider.ChooseBranch(tie, StoryScript, "c1", Now).ShouldEmit(
            new VoteClosed(S, "lobby", Now), new BranchChosen(S, "lobby", "c1", false, Now), new SlideShown(S, 1, "offer", Now));
        LiveDecider.ChooseBranch(Given(StoryAtLobby), StoryScript, "c2", Now).ShouldEmit(
            new BranchChosen(S, "lobby", "c2", false, Now), new SlideShown(S, 1, "tell-dad", Now));
        LiveDecider.ChooseBranch(Given(StoryAtLobby), StoryScript, "c9", Now).ShouldRefuse("That choice is not in this scene.");
        LiveDecider.ChooseBranch(Given(QuestionOneOpen), QuizScript, "c1", Now).ShouldRefuse("There is no story to move on.");

        var atEnding = Given([.. StoryAtLobby, new SlideShown(S, 1, "tell-dad", Now), new SlideShown(S, 1, "blocked", Now)]);
        LiveDecider.Next(atEnding, StoryScript, Now).ShouldEmit(new SlideShown(S, 2, null, Now));
        LiveDecider.Back(atEnding, StoryScript, Now).ShouldEmit(new SlideShown(S, 1, "tell-dad", Now));
    }

    [Fact]
    public void A_worry_is_heard_even_after_the_end_and_a_resend_is_not_a_second_worry()
    {
        var worry = Guid.CreateVersion7();
        var concern = Guid.CreateVersion7();
        LiveDecider.Worry(Given(QuestionOneOpen), Pupil, worry, concern, Now).ShouldEmit(new WorryRaised(S, Pupil, concern, Now, worry));
        LiveDecider.Worry(Given([.. QuestionOneOpen, Ended]), Pupil, worry, concern, Now).ShouldEmit(new WorryRaised(S, Pupil, concern, Now, worry));
        LiveDecider.Worry(Given([.. QuestionOneOpen, new WorryRaised(S, Pupil, concern, Now, worry)]), Pupil, worry, Guid.NewGuid(), Now).ShouldBeNothing();
    }

    [Fact]
    public void Ending()
    {
        LiveDecider.End(Given(QuestionOneOpen), Now).ShouldEmit(new LiveSessionEnded(S, Now));
        LiveDecider.End(Given([.. QuestionOneOpen, Ended]), Now).ShouldRefuse("The session has already ended.");
    }

    [Fact]
    public void A_copy_of_the_state_is_equal_and_independent()
    {
        var state = Given([.. StoryAtLobby, new VoteOpened(S, "lobby", Now), new VoteCast(S, Pupil, Guid.NewGuid(), "lobby", "c1", Now)]);
        var copy = state.Clone();
        copy.Apply(new VoteCast(S, Other, Guid.NewGuid(), "lobby", "c2", Now));
        copy.Apply(new PupilJoined(S, Stranger, Now));
        state.Votes["lobby"].Count.ShouldBe(1, "the published state never changes");
        state.Joined.Count.ShouldBe(2);
        copy.Votes["lobby"].Count.ShouldBe(2);
        copy.OpenVoteScene.ShouldBe("lobby");
    }
}
