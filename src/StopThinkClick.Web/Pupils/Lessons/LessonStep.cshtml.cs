using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Lessons;

/// <summary>One page of a lesson. Next and Finish are posts, so the progress is stored before the next page shows.</summary>
public sealed class LessonStepModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Lesson? Lesson { get; private set; }
    public LessonStep? Step { get; private set; }

    public async Task<IActionResult> OnGetAsync(string lessonId, int step, CancellationToken ct) =>
        await LoadAsync(lessonId, step, ct) ? Page() : Page();

    public async Task<IActionResult> OnPostNextAsync(string lessonId, int step, CancellationToken ct)
    {
        if (!await LoadAsync(lessonId, step, ct)) return Page();
        var next = Math.Min(step + 1, Lesson!.Steps.Count);
        var decision = await Actions.RunAsync(Me, state => LessonDecider.ViewStep(state, Lesson, next, Me, Actions.Now), ct);
        return decision.Refused ? Refuse(decision.Refusal!) : Redirect($"/pupil/lessons/{Lesson.Id}/{next}");
    }

    public async Task<IActionResult> OnPostFinishAsync(string lessonId, int step, CancellationToken ct)
    {
        if (!await LoadAsync(lessonId, step, ct)) return Page();
        var decision = await Actions.RunAsync(Me, state => LessonDecider.Complete(state, Lesson!, Me, Actions.Now), ct);
        if (decision.Refused) return Refuse(decision.Refusal!);
        var badges = string.Join(",", decision.Events.OfType<BadgeEarned>().Select(b => b.BadgeId));
        return Redirect($"/pupil/lessons/{Lesson!.Id}/done" + (badges.Length > 0 ? $"?badges={badges}" : ""));
    }

    async Task<bool> LoadAsync(string lessonId, int step, CancellationToken ct)
    {
        Lesson = await OpenAsync<Lesson>(lessonId, ct);
        if (Lesson is null) return false;
        Step = Lesson.Steps.FirstOrDefault(s => s.Number == step);
        if (Step is null)
        {
            Refuse("That page is not in this lesson.", StatusCodes.Status404NotFound);
            return false;
        }
        return true;
    }
}
