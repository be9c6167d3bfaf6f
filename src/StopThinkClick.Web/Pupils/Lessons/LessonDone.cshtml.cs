using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Lessons;

public sealed class LessonDoneModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Lesson? Lesson { get; private set; }
    public Quiz? Quiz { get; private set; }
    public IReadOnlyList<Badge> NewBadges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string lessonId, string? badges, CancellationToken ct)
    {
        Lesson = await OpenAsync<Lesson>(lessonId, ct);
        if (Lesson is null) return Page();
        if (Progress.Lessons.GetValueOrDefault(Lesson.Id)?.Completed != true)
            return Refuse("You have not finished this lesson yet.", StatusCodes.Status404NotFound);
        Quiz = Catalogue.Quiz(Lesson.QuizId);
        // Only badges the pupil really holds are shown, whatever the link says.
        NewBadges = (badges ?? "").Split(',').Where(Progress.HasBadge).Select(Badges.Find).OfType<Badge>().ToList();
        return Page();
    }
}
