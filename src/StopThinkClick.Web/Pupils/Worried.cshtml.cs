using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marten;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Pupils;

/// <summary>
/// A pupil tells school they are worried, from their own device. The concern is stored before the
/// child is thanked. The page carries a press id (made when it is drawn) so sending twice counts
/// once; the concern's own id is made on the server. Presses close together join one concern.
/// Never kept by the browser: the back button must not bring back a sent form or a thank-you from
/// its store (a shared tablet, the next child).
/// </summary>
[Authorize(Policy = Policies.Pupil)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class WorriedModel(SchoolSessions sessions, IDocumentStore store, TimeProvider clock) : PageModel
{
    public Guid PressId { get; private set; } = Guid.CreateVersion7();
    public bool Told { get; private set; }
    public string? Message { get; private set; }
    public string? Topic { get; private set; }
    public string? Words { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(Guid pressId, string? topic, string? words, CancellationToken ct)
    {
        var press = new WorryPress(pressId == Guid.Empty ? Guid.CreateVersion7() : pressId, User.PersonId(), User.ClassId(), null,
            ConcernSource.PupilDevice, topic, words, clock.GetUtcNow());
        var (_, decision) = await RaiseConcern.WorryAsync(store, sessions.CurrentSchoolId(), press, ct);
        if (decision.Refused)
        {
            // Nothing the child typed is lost: the form comes back with their words and a kind message.
            (Message, Topic, Words, PressId) = (decision.Refusal, topic, words, press.PressId);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Told = true;
        return Page();
    }
}
