using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Quizzes;

public sealed class QuizIntroModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Quiz? Quiz { get; private set; }

    public async Task<IActionResult> OnGetAsync(string quizId, CancellationToken ct)
    {
        Quiz = await OpenAsync<Quiz>(quizId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string quizId, CancellationToken ct)
    {
        Quiz = await OpenAsync<Quiz>(quizId, ct);
        if (Quiz is null) return Page();
        var (_, attempt) = await Actions.RunAsync(Me, state => QuizDecider.Start(state, Quiz, Guid.CreateVersion7(), Me, Actions.Now), ct);
        var current = (await Actions.ProgressAsync(Me, ct)).Quizzes[Quiz.Id].Current!;
        var next = Quiz.Questions.FirstOrDefault(q => !current.AnswersTo(q.Id).Any());
        return Redirect($"/pupil/quizzes/{Quiz.Id}/{attempt}/{(next is null ? 1 : Quiz.Questions.ToList().IndexOf(next) + 1)}");
    }
}
