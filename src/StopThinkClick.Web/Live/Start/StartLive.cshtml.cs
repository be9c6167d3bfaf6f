using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers;

namespace StopThinkClick.Web.Live.Start;

[Authorize(Policy = Policies.Staff)]
public sealed class StartLiveModel(SchoolSessions sessions, Catalogue catalogue, LiveSessionLifecycle lifecycle) : PageModel
{
    public SchoolClass? Class { get; private set; }
    public IReadOnlyList<Lesson> Lessons { get; private set; } = [];
    public IReadOnlyList<Scenario> Stories { get; private set; } = [];
    public IReadOnlyList<Quiz> Quizzes { get; private set; } = [];
    public AupText? Ceremony { get; private set; }
    public IReadOnlyList<LiveSessionCard> Running { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) =>
        await LoadAsync(classId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid classId, LiveKind kind, string itemId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        var (id, problem) = await lifecycle.StartAsync(sessions.CurrentSchoolId(), User.PersonId(), Class!, kind, itemId ?? "", ct);
        if (id is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/live/{id}/console");
    }

    async Task<bool> LoadAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await TeacherClasses.OneAsync(school, User, classId, ct);
        if (Class is null) return false;
        Lessons = catalogue.LessonsFor(Class.Band).ToList();
        Stories = catalogue.ScenariosFor(Class.Band).ToList();
        Quizzes = Lessons.Select(l => catalogue.Quiz(l.QuizId)).OfType<Quiz>().ToList();
        Ceremony = catalogue.PupilAupFor(Class.Band);
        Running = await school.Query<LiveSessionCard>().Where(c => c.ClassId == classId && c.EndedAt == null).ToListAsync(ct);
        return true;
    }
}
