using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Lessons;

public sealed class LessonIntroModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Lesson? Lesson { get; private set; }

    public async Task<IActionResult> OnGetAsync(string lessonId, CancellationToken ct)
    {
        Lesson = await OpenAsync<Lesson>(lessonId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string lessonId, CancellationToken ct)
    {
        Lesson = await OpenAsync<Lesson>(lessonId, ct);
        if (Lesson is null) return Page();
        var decision = await Actions.RunAsync(Me, state => LessonDecider.ViewStep(state, Lesson, 1, Me, Actions.Now), ct);
        return decision.Refused ? Refuse(decision.Refusal!) : Redirect($"/pupil/lessons/{Lesson.Id}/1");
    }
}
