using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Quizzes;

/// <summary>
/// Pure decisions for a quiz on one's own device: one question at a time, kind feedback, another
/// go when it was not right, and a score of what was right first time that never shames.
/// </summary>
public static class QuizDecider
{
    public static (Decision Decision, Guid AttemptId) Start(PupilProgress state, Quiz quiz, Guid newAttempt, Guid pupil, DateTimeOffset now)
    {
        if (state.Quizzes.TryGetValue(quiz.Id, out var progress) && progress.Current is { Finished: false } current)
            return (Decision.Nothing, current.Id);
        return (Decision.Of(new QuizStarted(pupil, quiz.Id, newAttempt, now)), newAttempt);
    }

    public static Decision Answer(PupilProgress state, Quiz quiz, Guid attemptId, Guid answerId, string questionId,
        IReadOnlyList<string> optionIds, Guid pupil, DateTimeOffset now)
    {
        var attempt = state.Quizzes.GetValueOrDefault(quiz.Id)?.Current;
        if (attempt is null || attempt.Id != attemptId)
            return Decision.Refuse("This quiz is not open. Start it again to have a go.");
        if (attempt.Answers.Any(a => a.AnswerId == answerId))
            return Decision.Nothing; // already stored: a double press or a resend
        if (attempt.Finished)
            return Decision.Refuse("This quiz has finished. Start it again to have another go.");
        var question = quiz.Question(questionId);
        if (question is null)
            return Decision.Refuse("That question is not in this quiz.");
        if (!question.Fits(optionIds))
            return Decision.Refuse(question.Type is QuestionType.ChooseOne or QuestionType.TrueFalse
                ? "Choose one answer, then press the button."
                : "Choose at least one answer, then press the button.");
        if (attempt.RightAlready(questionId))
            return Decision.Refuse("You already got this one right. Well done!");
        return Decision.Of(new QuestionAnswered(pupil, quiz.Id, attemptId, answerId, questionId, optionIds, question.IsRight(optionIds), now));
    }

    public static Decision Finish(PupilProgress state, Quiz quiz, Guid attemptId, Guid pupil, DateTimeOffset now)
    {
        var attempt = state.Quizzes.GetValueOrDefault(quiz.Id)?.Current;
        if (attempt is null || attempt.Id != attemptId) return Decision.Refuse("This quiz is not open.");
        if (attempt.Finished) return Decision.Nothing;
        var unanswered = quiz.Questions.FirstOrDefault(q => !attempt.AnswersTo(q.Id).Any());
        if (unanswered is not null) return Decision.Refuse("There is still a question to answer.");
        var rightFirstTime = quiz.Questions.Count(q => attempt.RightFirstTime(q.Id));
        return Decision.Of(new QuizCompleted(pupil, quiz.Id, attemptId, rightFirstTime, quiz.Questions.Count, now));
    }
}
