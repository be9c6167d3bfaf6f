using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Pupils;

/// <summary>
/// A pupil tells school they are worried, from their own device. The concern is stored before the
/// child is thanked; the concern id is made when the page is drawn, so sending twice stores it once.
/// </summary>
[Authorize(Policy = Policies.Pupil)]
public sealed class WorriedModel(SchoolSessions sessions, TimeProvider clock) : PageModel
{
    public Guid NewConcernId { get; } = Guid.CreateVersion7();
    public bool Told { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(Guid concernId, string? topic, string? words, CancellationToken ct)
    {
        if (concernId == Guid.Empty) return BadRequest();
        await using var session = sessions.Current();
        if (await session.LoadAsync<Concern>(concernId, ct) is null)
        {
            var code = topic is not null && ConcernTopics.ForPupils.ContainsKey(topic) ? topic : ConcernTopics.SomethingElse;
            await RaiseConcern.StoreAsync(session, new ConcernRaised(concernId, code, ConcernSource.PupilDevice,
                User.PersonId(), User.ClassId(), null, null, false, clock.GetUtcNow()), words, ct);
        }
        Told = true;
        return Page();
    }
}
