using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Live.Summary;

/// <summary>The teacher's summary of a finished session; names are looked up now, so an erased pupil shows as "A pupil".</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SummaryPageModel(SchoolSessions sessions, Catalogue catalogue) : PageModel
{
    Dictionary<Guid, string> names = [];

    public LiveSessionSummary? Summary { get; private set; }
    public Quiz? Quiz { get; private set; }
    public Scenario? Scenario { get; private set; }

    public string Name(Guid pupil) => names.GetValueOrDefault(pupil, "A pupil");

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Summary = await school.LoadAsync<LiveSessionSummary>(sessionId, ct);
        if (Summary is null || (Summary.TeacherId != User.PersonId() && !User.IsInRole(Roles.SchoolAdmin))) return NotFound();
        names = (await school.Query<Pupil>().Where(p => p.ClassId == Summary.ClassId).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.Erased ? "A pupil" : p.DisplayName);
        Quiz = catalogue.Quiz(Summary.ItemId) ?? (catalogue.Lesson(Summary.ItemId) is { } lesson ? catalogue.Quiz(lesson.QuizId) : null);
        Scenario = catalogue.Scenario(Summary.ItemId);
        return Page();
    }
}
