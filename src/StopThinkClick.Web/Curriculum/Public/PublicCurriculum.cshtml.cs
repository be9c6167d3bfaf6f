using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Curriculum.Materials;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Curriculum.Public;

/// <summary>
/// A school's whole curriculum for anyone, without signing in, when the school has chosen to
/// publish it; not found otherwise (the same answer as for a school that does not exist, so the
/// page says nothing about which schools use the app). Content only: no child, class or name.
/// </summary>
public sealed class PublicCurriculumModel(SchoolSessions sessions, Catalogue catalogue) : PageModel
{
    public string SchoolName { get; private set; } = "";
    public YearMaterials Year { get; private set; } = null!;
    public MaterialView? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(string schoolId, string? itemId, string? year, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(schoolId) || schoolId.Length > 100) return NotFound();
        await using var school = sessions.QueryFor(schoolId);
        var sharing = await school.LoadAsync<CurriculumSharing>(schoolId, ct);
        var name = sharing?.Public == true ? (await school.LoadAsync<School>(schoolId, ct))?.Name : null;
        if (name is null) return NotFound();
        SchoolName = name;
        var home = CurriculumSharing.PathFor(schoolId);
        Year = YearMaterials.For(catalogue, Bands.TryParse(year, out var band) ? band : Band.EYFS, home);
        if (itemId is null) return Page();
        var item = catalogue.Item(itemId);
        if (item is null) return NotFound();
        Item = MaterialView.Of(catalogue, itemId, item.FirstBand, $"{home}?year={item.FirstBand.Slug()}#year", $"{name}: everything taught in {item.FirstBand.ShortName()}");
        return Item is null ? NotFound() : Page();
    }
}
