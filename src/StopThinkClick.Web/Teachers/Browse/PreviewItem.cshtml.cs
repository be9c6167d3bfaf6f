using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers.Browse;

/// <summary>
/// One lesson (with its quiz), quiz or story laid out whole for the teacher: every step, question
/// and scene, the right answers and the teacher notes. The classes it suits can start it live here.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PreviewItemModel(SchoolSessions sessions, Catalogue catalogue) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public Quiz? Quiz { get; private set; }
    public IReadOnlyList<SchoolClass> Classes { get; private set; } = [];
    public IReadOnlyList<AppGuide> AppGuides => catalogue.AppGuidesOf(Item);

    /// <summary>The kind the start-live page expects for this item.</summary>
    public string LiveKind => Item switch { Lesson => "Lesson", Scenario => "Scenario", _ => "Quiz" };

    public async Task<IActionResult> OnGetAsync(string itemId, CancellationToken ct)
    {
        var item = catalogue.Item(itemId);
        if (item?.Kind is not (ContentKind.Lesson or ContentKind.Quiz or ContentKind.Scenario)) return NotFound();
        Item = item;
        Quiz = item switch { Lesson l => catalogue.Quiz(l.QuizId), StopThinkClick.Curriculum.Model.Quiz q => q, _ => null };
        await using var school = sessions.QueryCurrent();
        Classes = (await TeacherClasses.OfAsync(school, User, ct)).Where(c => item.IsFor(c.Band)).ToList();
        return Page();
    }
}
