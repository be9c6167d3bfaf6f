using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Quizzes;

public sealed class QuizDoneModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Quiz? Quiz { get; private set; }
    public string Message { get; private set; } = "";
    public IReadOnlyList<Badge> NewBadges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string quizId, Guid attemptId, string? badges, CancellationToken ct)
    {
        Quiz = await OpenAsync<Quiz>(quizId, ct);
        if (Quiz is null) return Page();
        var attempt = Progress.Quizzes.GetValueOrDefault(Quiz.Id)?.Current;
        if (attempt is null || attempt.Id != attemptId || !attempt.Finished)
            return Refuse("This quiz is not finished yet.", StatusCodes.Status404NotFound);
        Message = Encouragement(Quiz.Questions.Count(q => attempt.RightFirstTime(q.Id)), Quiz.Questions.Count(q => attempt.RightAlready(q.Id)), Quiz.Questions.Count);
        NewBadges = (badges ?? "").Split(',').Where(Progress.HasBadge).Select(Badges.Find).OfType<Badge>().ToList();
        return Page();
    }

    /// <summary>A score that encourages and never shames: what went right, and what another go found.</summary>
    public static string Encouragement(int firstTime, int inTheEnd, int questions)
    {
        if (firstTime == questions) return $"You got all {questions} right first time. Brilliant!";
        var more = inTheEnd - firstTime;
        var start = firstTime == 0 ? "You kept trying" : $"You got {firstTime} right first time";
        return more > 0
            ? $"{start}, and found {more} more on another go. Great thinking!"
            : $"{start}. Every question helps you learn. Well done for finishing!";
    }
}
