using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents.Children;

/// <summary>
/// A parent reads their child's promises, co-signs them (after talking them through together, as
/// the policies ask), signs the parents' agreement, and gives or withdraws photo and video
/// permission. Every change is an event on the child's stream; nothing is overwritten.
/// </summary>
[Authorize(Policy = Policies.Parent)]
public sealed class ChildAupModel(SchoolSessions sessions, Catalogue catalogue, TimeProvider clock) : PageModel
{
    public ParentChildren.Child? Child { get; private set; }
    public AupStatus? Status { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid pupilId, CancellationToken ct) => await LoadAsync(pupilId, ct) ? Page() : NotYours();

    public async Task<IActionResult> OnPostCoSignAsync(Guid pupilId, string? version, bool talkedTogether, bool onChildsBehalf, CancellationToken ct)
    {
        if (!await LoadAsync(pupilId, ct)) return NotYours();
        var aup = Status!.PupilAup;
        if (aup is null || version != aup.Version) return Refuse("these promises have changed since you opened the page. Please read them again, then co-sign.");
        if (!talkedTogether) return Refuse("please talk about the promises with your child first, then tick the box.");
        var onBehalf = onChildsBehalf && Child!.Class.Band.KeyStage() != KeyStage.KS2;
        return await AppendAsync(pupilId, new AupCoSigned(pupilId, User.PersonId(), aup.Id, aup.Version, onBehalf, clock.GetUtcNow()), "thank you for co-signing.", ct);
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid pupilId, string? version, CancellationToken ct)
    {
        if (!await LoadAsync(pupilId, ct)) return NotYours();
        var aup = Status!.ParentAup;
        if (aup is null || version != aup.Version) return Refuse("the agreement has changed since you opened the page. Please read it again, then sign.");
        return await AppendAsync(pupilId, new ParentAgreementSigned(pupilId, User.PersonId(), aup.Id, aup.Version, clock.GetUtcNow()), "thank you for signing the agreement.", ct);
    }

    public async Task<IActionResult> OnPostPermissionsAsync(Guid pupilId, CancellationToken ct)
    {
        if (!await LoadAsync(pupilId, ct)) return NotYours();
        var now = clock.GetUtcNow();
        var changes = new List<object>();
        foreach (var permission in Status!.ParentAup?.Permissions ?? [])
        {
            var answer = Request.Form[$"p-{permission.Id}"].ToString();
            if (answer is not ("yes" or "no")) continue;
            var given = answer == "yes";
            if (Status.Permission(permission.Id) == given) continue;
            changes.Add(given ? new ConsentGiven(pupilId, User.PersonId(), permission.Id, now) : new ConsentWithdrawn(pupilId, User.PersonId(), permission.Id, now));
        }
        if (changes.Count == 0) { Message = "nothing changed."; return Page(); }
        return await AppendAsync(pupilId, changes.ToArray(), "your choices are saved.", ct);
    }

    async Task<IActionResult> AppendAsync(Guid pupilId, object @event, string done, CancellationToken ct) => await AppendAsync(pupilId, [@event], done, ct);

    async Task<IActionResult> AppendAsync(Guid pupilId, object[] events, string done, CancellationToken ct)
    {
        await using (var session = sessions.Current())
        {
            session.Events.Append(pupilId, events);
            await session.SaveChangesAsync(ct);
        }
        await LoadAsync(pupilId, ct);
        Message = done;
        return Page();
    }

    IActionResult Refuse(string message)
    {
        (Message, Refused) = (message, true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    IActionResult NotYours()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    async Task<bool> LoadAsync(Guid pupilId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Child = await ParentChildren.OneAsync(school, User, pupilId, ct);
        if (Child is null) return false;
        var progress = await school.LoadAsync<PupilProgress>(pupilId, ct) ?? new PupilProgress { Id = pupilId };
        Status = AupStatus.For(progress, Child.Class.Band, catalogue, clock.GetUtcNow());
        return true;
    }
}
