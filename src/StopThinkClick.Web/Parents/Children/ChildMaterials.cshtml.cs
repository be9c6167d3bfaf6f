using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Curriculum.Materials;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents.Children;

/// <summary>
/// The materials of my child's year (RSHE 2025: parents "must be allowed to see the materials
/// used"): every lesson, quiz and story, read-only, as the child sees them, with the home notes.
/// Only their own child's year group: another year's lesson is not found here.
/// </summary>
[Authorize(Policy = Policies.Parent)]
public sealed class ChildMaterialsModel(SchoolSessions sessions, Catalogue catalogue) : PageModel
{
    public ParentChildren.Child? Child { get; private set; }
    public YearMaterials Year { get; private set; } = null!;
    public MaterialView? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid pupilId, string? itemId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Child = await ParentChildren.OneAsync(school, User, pupilId, ct);
        if (Child is null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var band = Child.Class.Band;
        var home = $"/parent/children/{pupilId}/materials";
        Year = YearMaterials.For(catalogue, band, home);
        if (itemId is null) return Page();
        Item = MaterialView.Of(catalogue, itemId, band, home, $"Everything {Child.Pupil.FirstName} learns in {band.ShortName()}");
        return Item is null ? NotFound() : Page();
    }
}
