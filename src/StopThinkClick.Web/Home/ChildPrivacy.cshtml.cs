using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Home;

/// <summary>
/// The privacy notice told to children, one for each age band (ICO Children's Code: "bite-sized"
/// explanations suited to the child's age), read aloud on the tablet. Public, so a parent or teacher
/// can read exactly what the child is told. It must say the same true thing as the worry pages: a
/// worry goes to the teacher and the safeguarding lead, and is not a secret if someone is not safe.
/// </summary>
public sealed class ChildPrivacyModel : PageModel
{
    public const string Young = "ks1";
    public const string Older = "ks2";

    /// <summary>Reception, Year 1 and Year 2 hear the short version; Years 3 to 6 the fuller one.</summary>
    public static string PathFor(Band band) => "/privacy/children/" + (band.KeyStage() == KeyStage.KS2 ? Older : Young);

    public bool IsYoung { get; private set; }

    public IActionResult OnGet(string stage)
    {
        if (stage is not (Young or Older)) return NotFound();
        IsYoung = stage == Young;
        return Page();
    }
}
