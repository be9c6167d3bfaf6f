using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Log;

/// <summary>
/// One concern. Opening it records who looked and when (the lead "must know who saw it"); every
/// acknowledgement, note, action and closing is an event naming who. Notes' words are kept in
/// documents beside the stream, so they can be erased with the child's data.
/// </summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class ConcernPageModel(SchoolSessions sessions, TimeProvider clock) : PageModel
{
    public Concern? Concern { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<ConcernText> Words { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Notes { get; private set; } = new Dictionary<Guid, string>();
    public string? ClassName { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }

    Guid Me => User.PersonId();
    string Role => User.IsInRole(Roles.SafeguardingLead) ? "lead" : "deputy";
    DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid concernId, CancellationToken ct) =>
        await ActAsync(concernId, c => ConcernDecider.View(c, Me, Role, Now), null, null, ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid concernId, CancellationToken ct) =>
        ActAsync(concernId, c => ConcernDecider.Acknowledge(c, Me, Now), null, "acknowledged.", ct);

    public Task<IActionResult> OnPostNoteAsync(Guid concernId, string? note, CancellationToken ct)
    {
        var noteId = Guid.CreateVersion7();
        return ActAsync(concernId, c => ConcernDecider.AddNote(c, noteId, Me, note, Now), (noteId, note), "note added.", ct);
    }

    public Task<IActionResult> OnPostActionAsync(Guid concernId, string? action, string? note, CancellationToken ct)
    {
        var noteId = Guid.CreateVersion7();
        return ActAsync(concernId, c =>
        {
            var decision = ConcernDecider.RecordAction(c, action ?? "", Me, Now);
            return decision.Refused || string.IsNullOrWhiteSpace(note) ? decision
                : decision with { Events = [.. decision.Events, new ConcernNoteAdded(c.Id, noteId, Me, Now)] };
        }, string.IsNullOrWhiteSpace(note) ? null : (noteId, note), "action recorded.", ct);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid concernId, string? outcome, CancellationToken ct) =>
        ActAsync(concernId, c => ConcernDecider.Close(c, outcome ?? "", Me, Now), null, "the concern is closed.", ct);

    async Task<IActionResult> ActAsync(Guid concernId, Func<Concern, Decision> decide, (Guid Id, string? Text)? note, string? done, CancellationToken ct)
    {
        await using var session = sessions.Current();
        var concern = await session.LoadAsync<Concern>(concernId, ct);
        if (concern is null) return NotFound();
        var decision = decide(concern);
        if (decision.Refused)
        {
            (Message, Refused) = (decision.Refusal, true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            // Every action also counts as a view: whoever acts has seen it.
            var events = done is null ? decision.Events : [new ConcernViewed(concernId, Me, Role, Now), .. decision.Events];
            session.Events.Append(concernId, events.ToArray());
            if (note is { Text: { } text }) session.Store(new ConcernText(note.Value.Id, concernId, Me, text.Trim(), Now));
            await session.SaveChangesAsync(ct);
            Message = done;
        }
        await using var read = sessions.QueryCurrent();
        Concern = await read.LoadAsync<Concern>(concernId, ct);
        var texts = await read.Query<ConcernText>().Where(t => t.ConcernId == concernId).ToListAsync(ct);
        var noteIds = Concern!.Timeline.Where(t => t.NoteId is not null).Select(t => t.NoteId!.Value).ToHashSet();
        Words = texts.Where(t => !noteIds.Contains(t.Id)).ToList();
        Notes = texts.Where(t => noteIds.Contains(t.Id)).ToDictionary(t => t.Id, t => t.Text);
        Names = await StopThinkClick.Web.Schools.Names.OfAsync(read, Concern.Timeline.Select(t => t.By).OfType<Guid>().Concat(texts.Select(t => t.AuthorId).OfType<Guid>())
            .Append(Concern.PupilId ?? Guid.Empty).Append(Concern.RaisedBy ?? Guid.Empty), ct);
        ClassName = Concern.ClassId is { } classId ? (await read.LoadAsync<SchoolClass>(classId, ct))?.Name : null;
        return Page();
    }

    public string Describe(TimelineEntry entry)
    {
        var who = Names.Of(entry.By);
        return entry.What switch
        {
            "raised" => $"Raised by {who}",
            "viewed" => $"Opened by {who}",
            "acknowledged" => $"Acknowledged by {who}",
            "note" => $"Note by {who}",
            var a when a.StartsWith("action:", StringComparison.Ordinal) => $"{ConcernOptions.Actions.GetValueOrDefault(a[7..], a[7..])} — {who}",
            var c when c.StartsWith("closed:", StringComparison.Ordinal) => $"Closed by {who}: {ConcernOptions.Outcomes.GetValueOrDefault(c[7..], c[7..])}",
            _ => entry.What,
        };
    }
}
