using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Pupils;

/// <summary>
/// What every pupil page shares: who the pupil is, opening content they may open (their band or
/// set by their teacher), and a kind refusal — with nothing stored — when something is not right.
/// </summary>
[Authorize(Policy = Policies.Pupil)]
public abstract class PupilPageModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PageModel
{
    protected Catalogue Catalogue => catalogue;
    protected PupilActions Actions => actions;
    protected Guid Me => User.PersonId();

    /// <summary>Set when the request was refused; the page shows it instead of its content.</summary>
    public string? Refusal { get; private set; }
    public PupilProgress Progress { get; protected set; } = new();

    protected IActionResult Refuse(string message, int status = StatusCodes.Status400BadRequest)
    {
        Refusal = message;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Finds the item and checks this pupil may open it; on failure sets <see cref="Refusal"/>.</summary>
    protected async Task<T?> OpenAsync<T>(string id, CancellationToken ct) where T : ContentItem
    {
        if (catalogue.Item(id) is not T item)
        {
            Refuse("We can't find that. It may have moved.", StatusCodes.Status404NotFound);
            return null;
        }
        await using var school = sessions.QueryCurrent();
        if (!await PupilAccess.MayOpenAsync(school, User, item, ct))
        {
            Refuse("This one is for another class. Ask your teacher if you would like to try it.", StatusCodes.Status403Forbidden);
            return null;
        }
        Progress = await actions.ProgressAsync(Me, ct);
        return item;
    }
}
