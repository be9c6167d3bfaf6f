using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents.Children;

/// <summary>
/// A parent reads their child's promises and co-signs them (after talking them through together,
/// as the policies ask), signs the parents' agreement, and gives or withdraws photo and video
/// permission — one step at a time on a phone, each step saved and the next one opened, so nobody
/// scrolls a five-screen page or loses their place. Every change is an event on the child's stream.
/// </summary>
[Authorize(Policy = Policies.Parent)]
public sealed class ChildAupModel(SchoolSessions sessions, Catalogue catalogue, AupActions actions, Schools.Settings.SchoolContexts schools) : PageModel
{
    Schools.Settings.SchoolCalendar calendar = Schools.Settings.SchoolCalendar.England;

    public static readonly string[] Steps = ["promises", "agreement", "photos"];

    public ParentChildren.Child? Child { get; private set; }
    public AupStatus? Status { get; private set; }
    public string Step { get; private set; } = Steps[0];
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    /// <summary>The steps this school's texts have (no permissions, no photos step).</summary>
    public List<string> StepsHere => Steps.Where(s => s switch
    {
        "promises" => Status?.PupilAup is not null,
        "agreement" => Status?.ParentAup is not null,
        _ => Status?.ParentAup?.Permissions.Count > 0,
    }).ToList();

    public bool IsDone(string step) => step switch
    {
        "promises" => Status!.CoSigned.Current,
        "agreement" => Status!.Agreement.Current,
        _ => Status!.ParentAup!.Permissions.All(p => Status.Permission(p.Id) is not null),
    };

    public async Task<IActionResult> OnGetAsync(Guid pupilId, string? step, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(pupilId, ct)) return NotYours();
        Step = StepsHere.Contains(step ?? "") ? step! : StepsHere.FirstOrDefault(s => !IsDone(s)) ?? StepsHere.FirstOrDefault() ?? Steps[0];
        Message = saved switch
        {
            "promises" => "thank you for co-signing.",
            "agreement" => "thank you for signing the agreement.",
            "photos" => "your choices are saved.",
            "nothing" => "nothing changed.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostCoSignAsync(Guid pupilId, string? version, bool talkedTogether, bool onChildsBehalf, CancellationToken ct) =>
        DecideAsync(pupilId, "promises", (status, child, now) =>
            ParentAupDecider.Handle(status, new ParentAupDecider.CoSign(pupilId, User.PersonId(), version, talkedTogether, onChildsBehalf, child.Class.Band, now)), ct);

    public Task<IActionResult> OnPostAgreeAsync(Guid pupilId, string? version, CancellationToken ct) =>
        DecideAsync(pupilId, "agreement", (status, _, now) =>
            ParentAupDecider.Handle(status, new ParentAupDecider.Agree(pupilId, User.PersonId(), version, now)), ct);

    public Task<IActionResult> OnPostPermissionsAsync(Guid pupilId, CancellationToken ct)
    {
        var answers = Request.Form.Keys.Where(k => k.StartsWith("p-", StringComparison.Ordinal))
            .Where(k => Request.Form[k] == "yes" || Request.Form[k] == "no")
            .ToDictionary(k => k[2..], k => Request.Form[k] == "yes");
        return DecideAsync(pupilId, "photos", (status, _, now) =>
            ParentAupDecider.Handle(status, new ParentAupDecider.ChoosePermissions(pupilId, User.PersonId(), answers, now)), ct);
    }

    /// <summary>Decides on the child's stream as it is at the moment of writing, then opens the next step (or says why not).</summary>
    async Task<IActionResult> DecideAsync(Guid pupilId, string step, Func<AupStatus, ParentChildren.Child, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        if (!await LoadAsync(pupilId, ct)) return NotYours();
        var child = Child!;
        var decision = await actions.RunAsync(pupilId, record => decide(For(record), child, actions.Now), ct);
        if (decision.Refused)
        {
            await LoadAsync(pupilId, ct);
            (Step, Message, Refused) = (step, decision.Refusal, true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await LoadAsync(pupilId, ct);
        var next = StepsHere.SkipWhile(s => s != step).Skip(1).FirstOrDefault(s => !IsDone(s)) ?? step;
        var saved = decision.Events.Count == 0 && step == "photos" ? "nothing" : step;
        return Redirect($"/parent/children/{pupilId}/aup?step={next}&saved={saved}#step");
    }

    IActionResult NotYours()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    AupStatus For(AupRecord record) => AupStatus.For(record, Child!.Class.Band, catalogue, actions.Now, calendar);

    async Task<bool> LoadAsync(Guid pupilId, CancellationToken ct)
    {
        await using (var school = sessions.QueryCurrent())
            Child = await ParentChildren.OneAsync(school, User, pupilId, ct);
        if (Child is null) return false;
        calendar = (await schools.CurrentAsync(ct)).Calendar;
        Status = For(await actions.RecordAsync(pupilId, ct));
        return true;
    }
}
