using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Pupils.Quizzes;
using static StopThinkClick.UnitTests.World;

namespace StopThinkClick.UnitTests.Pupils;

/// <summary>A quiz on one's own device: one attempt open at a time, kind refusals, a score of what was right first time.</summary>
public sealed class QuizDeciderTests
{
    static readonly Guid Attempt = Guid.Parse("a7700000-0000-0000-0000-000000000001");
    static readonly Guid Answer = Guid.Parse("a5500000-0000-0000-0000-000000000001");
    static readonly QuizStarted Started = new(Pupil, "y3-passwords-quiz", Attempt, Now);

    [Fact]
    public void Starting_or_coming_back_to_an_open_attempt()
    {
        var (decision, id) = QuizDecider.Start(Progress(), Quiz, Attempt, Pupil, Now);
        decision.ShouldEmit(Started);
        id.ShouldBe(Attempt);
        var (again, same) = QuizDecider.Start(Progress(Started), Quiz, Guid.NewGuid(), Pupil, Now);
        again.ShouldBeNothing();
        same.ShouldBe(Attempt);
        var finished = Progress(Started, new QuizCompleted(Pupil, Quiz.Id, Attempt, 3, 3, Now));
        var newAttempt = Guid.NewGuid();
        QuizDecider.Start(finished, Quiz, newAttempt, Pupil, Now).Decision.ShouldEmit(new QuizStarted(Pupil, Quiz.Id, newAttempt, Now));
    }

    [Fact]
    public void Answering()
    {
        QuizDecider.Answer(Progress(Started), Quiz, Attempt, Answer, "q1", ["b"], Pupil, Now)
            .ShouldEmit(new QuestionAnswered(Pupil, Quiz.Id, Attempt, Answer, "q1", ["b"], true, Now));
        QuizDecider.Answer(Progress(Started), Quiz, Attempt, Answer, "q1", ["a"], Pupil, Now)
            .ShouldEmit(new QuestionAnswered(Pupil, Quiz.Id, Attempt, Answer, "q1", ["a"], false, Now));
        var wrong = Progress(Started, new QuestionAnswered(Pupil, Quiz.Id, Attempt, Answer, "q1", ["a"], false, Now));
        QuizDecider.Answer(wrong, Quiz, Attempt, Answer, "q1", ["a"], Pupil, Now).ShouldBeNothing(); // a resend
        var second = Guid.NewGuid();
        QuizDecider.Answer(wrong, Quiz, Attempt, second, "q1", ["b"], Pupil, Now)
            .ShouldEmit(new QuestionAnswered(Pupil, Quiz.Id, Attempt, second, "q1", ["b"], true, Now));
        var right = Progress(Started, new QuestionAnswered(Pupil, Quiz.Id, Attempt, Answer, "q1", ["b"], true, Now));
        QuizDecider.Answer(right, Quiz, Attempt, second, "q1", ["b"], Pupil, Now).ShouldRefuse("You already got this one right. Well done!");
        QuizDecider.Answer(Progress(), Quiz, Attempt, Answer, "q1", ["b"], Pupil, Now).ShouldRefuse("This quiz is not open. Start it again to have a go.");
        QuizDecider.Answer(Progress(Started), Quiz, Guid.NewGuid(), Answer, "q1", ["b"], Pupil, Now).ShouldRefuse("This quiz is not open. Start it again to have a go.");
        QuizDecider.Answer(Progress(Started), Quiz, Attempt, Answer, "q9", ["b"], Pupil, Now).ShouldRefuse("That question is not in this quiz.");
        QuizDecider.Answer(Progress(Started), Quiz, Attempt, Answer, "q1", ["a", "b"], Pupil, Now).ShouldRefuse("Choose one answer, then press the button.");
        QuizDecider.Answer(Progress(Started), Quiz, Attempt, Answer, "q3", [], Pupil, Now).ShouldRefuse("Choose at least one answer, then press the button.");
        var done = Progress(Started, new QuizCompleted(Pupil, Quiz.Id, Attempt, 3, 3, Now));
        QuizDecider.Answer(done, Quiz, Attempt, Answer, "q1", ["b"], Pupil, Now).ShouldRefuse("This quiz has finished. Start it again to have another go.");
    }

    [Fact]
    public void Finishing_counts_what_was_right_first_time()
    {
        var all = Progress(Started,
            new QuestionAnswered(Pupil, Quiz.Id, Attempt, Guid.NewGuid(), "q1", ["a"], false, Now),
            new QuestionAnswered(Pupil, Quiz.Id, Attempt, Guid.NewGuid(), "q1", ["b"], true, Now),
            new QuestionAnswered(Pupil, Quiz.Id, Attempt, Guid.NewGuid(), "q2", ["b"], true, Now),
            new QuestionAnswered(Pupil, Quiz.Id, Attempt, Guid.NewGuid(), "q3", ["a"], true, Now));
        QuizDecider.Finish(all, Quiz, Attempt, Pupil, Now).ShouldEmit(new QuizCompleted(Pupil, Quiz.Id, Attempt, 2, 3, Now));
        QuizDecider.Finish(Progress(Started), Quiz, Attempt, Pupil, Now).ShouldRefuse("There is still a question to answer.");
        QuizDecider.Finish(Progress(), Quiz, Attempt, Pupil, Now).ShouldRefuse("This quiz is not open.");
        QuizDecider.Finish(Progress(Started, new QuizCompleted(Pupil, Quiz.Id, Attempt, 2, 3, Now)), Quiz, Attempt, Pupil, Now).ShouldBeNothing();
    }
}
