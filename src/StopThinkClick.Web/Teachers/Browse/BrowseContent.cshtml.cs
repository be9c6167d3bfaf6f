using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers.Browse;

/// <summary>
/// Every lesson and story by year group and strand, so a teacher can read what they will teach
/// (with its notes) before the class sees it. Opens on the year group of the teacher's first class.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class BrowseContentModel(SchoolSessions sessions, Catalogue catalogue) : PageModel
{
    public Band Band { get; private set; }
    public Strand? Strand { get; private set; }
    public IReadOnlyList<Lesson> Lessons { get; private set; } = [];
    public IReadOnlyList<Scenario> Stories { get; private set; } = [];

    public async Task OnGetAsync(string? band, string? strand, CancellationToken ct)
    {
        if (Bands.TryParse(band, out var chosen)) Band = chosen;
        else
        {
            await using var school = sessions.QueryCurrent();
            var classes = await TeacherClasses.OfAsync(school, User, ct);
            Band = classes.Count > 0 ? classes[0].Band : Band.EYFS;
        }
        Strand = Strands.TryParse(strand, out var s) ? s : null;
        Lessons = catalogue.LessonsFor(Band).Where(l => Strand is null || l.Strands.Contains(Strand.Value)).ToList();
        Stories = catalogue.ScenariosFor(Band).Where(x => Strand is null || x.Strands.Contains(Strand.Value)).ToList();
    }
}
