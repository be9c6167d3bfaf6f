using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Pupils;

/// <summary>
/// Shown right after a pupil signs in: "An e-safety reminder message will also pop up when pupils
/// log on" (St Edmund's policy). Three of their key stage's AUP promises, a different three each day.
/// </summary>
[Authorize(Policy = Policies.Pupil)]
public sealed class ReminderModel(Catalogue catalogue, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AupPromise> Promises { get; private set; } = [];
    public string Then { get; private set; } = "/pupil";

    public void OnGet(string? then)
    {
        if (Url.IsLocalUrl(then)) Then = then!;
        var promises = catalogue.PupilAupFor(User.Band())?.Promises ?? [];
        if (promises.Count == 0) return;
        var day = clock.GetUtcNow().DayOfYear;
        Promises = Enumerable.Range(0, Math.Min(3, promises.Count)).Select(i => promises[(day * 3 + i) % promises.Count]).ToList();
    }
}
