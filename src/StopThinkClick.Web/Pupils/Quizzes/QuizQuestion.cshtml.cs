using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Quizzes;

/// <summary>
/// One question. The form carries an answer id made when the page was drawn: pressing twice, or
/// sending again after the Wi-Fi dropped, stores the answer once. Feedback shows only after the
/// answer is stored (post, then redirect to this page showing the stored answer).
/// </summary>
public sealed class QuizQuestionModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Quiz? Quiz { get; private set; }
    public Question? Question { get; private set; }
    public int Number { get; private set; }
    public Guid AttemptId { get; private set; }
    public QuizAttempt? Attempt { get; private set; }
    public Guid NewAnswerId { get; } = Guid.CreateVersion7();
    public string? Problem { get; private set; }

    /// <summary>The stored answer to show feedback for, or null to show the question's form.</summary>
    public StoredAnswer? Shown { get; private set; }
    public bool IsLast => Quiz is not null && Number == Quiz.Questions.Count;

    public async Task<IActionResult> OnGetAsync(string quizId, Guid attemptId, int number, bool again, CancellationToken ct)
    {
        if (!await LoadAsync(quizId, attemptId, number, ct)) return Page();
        if (Attempt!.Finished) return Redirect($"/pupil/quizzes/{quizId}/{attemptId}/done");
        var latest = Attempt.LatestTo(Question!.Id);
        Shown = latest is null || (again && !latest.Correct) ? null : latest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string quizId, Guid attemptId, int number, Guid answerId, string[]? option, CancellationToken ct)
    {
        if (!await LoadAsync(quizId, attemptId, number, ct)) return Page();
        var chosen = Question!.Type == QuestionType.Sort
            ? Question.Options.Where(o => Request.Form[$"card-{o.Id}"] == "safe").Select(o => o.Id).ToList()
            : (option ?? []).Where(o => o.Length <= 8).Distinct().ToList();
        if (Question.Type == QuestionType.Sort && Question.Options.Any(o => string.IsNullOrEmpty(Request.Form[$"card-{o.Id}"])))
            return Ask("Put every card in a box, then press the button.");

        var decision = await Actions.RunAsync(Me, state => QuizDecider.Answer(state, Quiz!, attemptId, answerId, Question.Id, chosen, Me, Actions.Now), ct);
        if (decision.Refused) return Ask(decision.Refusal!);
        return Redirect($"/pupil/quizzes/{quizId}/{attemptId}/{number}");
    }

    public async Task<IActionResult> OnPostFinishAsync(string quizId, Guid attemptId, int number, CancellationToken ct)
    {
        if (!await LoadAsync(quizId, attemptId, number, ct)) return Page();
        var decision = await Actions.RunAsync(Me, state => QuizDecider.Finish(state, Quiz!, attemptId, Me, Actions.Now), ct);
        if (decision.Refused) return Ask(decision.Refusal!);
        var badges = string.Join(",", decision.Events.OfType<BadgeEarned>().Select(b => b.BadgeId));
        return Redirect($"/pupil/quizzes/{quizId}/{attemptId}/done" + (badges.Length > 0 ? $"?badges={badges}" : ""));
    }

    IActionResult Ask(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<bool> LoadAsync(string quizId, Guid attemptId, int number, CancellationToken ct)
    {
        Quiz = await OpenAsync<Quiz>(quizId, ct);
        if (Quiz is null) return false;
        AttemptId = attemptId;
        Attempt = Progress.Quizzes.GetValueOrDefault(Quiz.Id)?.Current;
        if (Attempt is null || Attempt.Id != attemptId)
        {
            Refuse("This quiz is not open any more. Start it again from your lessons.", StatusCodes.Status404NotFound);
            return false;
        }
        Number = number;
        Question = number >= 1 && number <= Quiz.Questions.Count ? Quiz.Questions[number - 1] : null;
        if (Question is null)
        {
            Refuse("That question is not in this quiz.", StatusCodes.Status404NotFound);
            return false;
        }
        return true;
    }
}
