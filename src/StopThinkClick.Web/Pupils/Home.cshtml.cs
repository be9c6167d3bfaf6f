using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Pupils;

[Authorize(Policy = Policies.Pupil)]
public sealed class HomeModel(Catalogue catalogue) : PageModel
{
    public IReadOnlyList<Lesson> Lessons { get; private set; } = [];

    public void OnGet() => Lessons = catalogue.LessonsFor(User.Band()).ToList();
}
