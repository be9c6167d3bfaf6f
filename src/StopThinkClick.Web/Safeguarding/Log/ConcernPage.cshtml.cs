using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Log;

/// <summary>
/// One concern. Opening it records who looked and when (the lead "must know who saw it"); every
/// acknowledgement, note, action and closing is an event naming who. Each form carries the version
/// of the concern its writer was reading: if someone else changed it meanwhile, nothing is saved,
/// the page shows the newer concern and hands the writer's words back.
/// </summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class ConcernPageModel(SchoolSessions sessions, AccessLog access, TimeProvider clock) : PageModel
{
    public Concern? Concern { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<ConcernText> Words { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ConcernText> Notes { get; private set; } = new Dictionary<Guid, ConcernText>();
    public string? ClassName { get; private set; }
    public string? Message { get; private set; }
    public bool Refused { get; private set; }
    /// <summary>What the writer typed, handed back when it was not saved.</summary>
    public (string Form, string Text)? Kept { get; private set; }

    Guid Me => User.PersonId();
    string Role => User.IsInRole(Roles.SafeguardingLead) ? "lead" : "deputy";
    DateTimeOffset Now => clock.GetUtcNow();

    public Task<IActionResult> OnGetAsync(Guid concernId, CancellationToken ct) =>
        ActAsync(concernId, null, c => ConcernDecider.View(c, Me, Role, Now), null, null, ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid concernId, long version, CancellationToken ct) =>
        ActAsync(concernId, version, c => ConcernDecider.Acknowledge(c, Me, Now), null, "acknowledged.", ct);

    public Task<IActionResult> OnPostNoteAsync(Guid concernId, long version, string? note, CancellationToken ct)
    {
        var noteId = Guid.CreateVersion7();
        return ActAsync(concernId, version, c => ConcernDecider.AddNote(c, noteId, Me, note, Now), new("note", noteId, note), "note added.", ct);
    }

    public Task<IActionResult> OnPostActionAsync(Guid concernId, long version, string? action, string? note, CancellationToken ct)
    {
        var noteId = Guid.CreateVersion7();
        return ActAsync(concernId, version, c => ConcernDecider.RecordAction(c, action ?? "", Me, Now, noteId, note),
            new("action", noteId, note), "action recorded.", ct);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid concernId, long version, string? outcome, CancellationToken ct) =>
        ActAsync(concernId, version, c => ConcernDecider.Close(c, outcome ?? "", Me, Now), null, "the concern is closed.", ct);

    sealed record Written(string Form, Guid NoteId, string? Text);

    async Task<IActionResult> ActAsync(Guid concernId, long? version, Func<Concern, Decision> decide, Written? written, string? done, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = sessions.Current();
            // FetchForWriting holds the version it read: if anything is appended before we save, the save fails and we decide again.
            var stream = await session.Events.FetchForWriting<Concern>(concernId, ct);
            if (stream.Aggregate is null) return NotFound();
            // The form's version is what its writer was reading. Someone else's change since then means
            // they decided on an old picture: refuse and show the new one. Mere views since do not count.
            if (version is { } seen && stream.CurrentVersion > seen && await ChangedSinceAsync(session, concernId, seen, ct))
                return await ShowAsync(concernId, "someone else changed this concern while you were reading it. Here it is as it is now; check it, then save again.", written, ct);
            var decision = decide(stream.Aggregate);
            if (decision.Refused) return await ShowAsync(concernId, decision.Refusal, written, ct);
            // Every action also counts as a view: whoever acts has seen it.
            var events = done is null ? decision.Events : [new ConcernViewed(concernId, Me, Role, Now), .. decision.Events];
            stream.AppendMany(events.ToArray());
            if (written is { Text: { } text } && decision.Events.OfType<ConcernNoteAdded>().Any())
                session.Store(ConcernText.ByStaff(written.NoteId, concernId, Me, text, TextLimits.Note, Now));
            if (done is null) access.Stage(session, User, AccessKind.Concern, concernId, stream.Aggregate.PupilId);
            try
            {
                await session.SaveChangesAsync(ct);
                Message = done;
                return await ShowAsync(concernId, null, null, ct);
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                // Another look or change landed between our read and our save: decide again on the newer concern.
            }
        }
    }

    static async Task<bool> ChangedSinceAsync(IDocumentSession session, Guid concernId, long seen, CancellationToken ct) =>
        (await session.Events.FetchStreamAsync(concernId, fromVersion: seen + 1, token: ct)).Any(e => e.Data is not ConcernViewed);

    async Task<IActionResult> ShowAsync(Guid concernId, string? refusal, Written? written, CancellationToken ct)
    {
        if (refusal is not null)
        {
            (Message, Refused) = (refusal, true);
            if (written is { Text: { Length: > 0 } text }) Kept = (written.Form, text);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await using var read = sessions.QueryCurrent();
        Concern = await read.LoadAsync<Concern>(concernId, ct);
        var texts = await read.Query<ConcernText>().Where(t => t.ConcernId == concernId).OrderBy(t => t.At).ToListAsync(ct);
        var noteIds = Concern!.Timeline.Where(t => t.NoteId is not null).Select(t => t.NoteId!.Value).ToHashSet();
        Words = texts.Where(t => !noteIds.Contains(t.Id)).ToList();
        Notes = texts.Where(t => noteIds.Contains(t.Id)).ToDictionary(t => t.Id);
        Names = await StopThinkClick.Web.Schools.Names.OfAsync(read, Concern.Timeline.Select(t => t.By).OfType<Guid>().Concat(texts.Select(t => t.AuthorId).OfType<Guid>())
            .Append(Concern.PupilId ?? Guid.Empty).Append(Concern.RaisedBy ?? Guid.Empty), ct);
        ClassName = Concern.ClassId is { } classId ? (await read.LoadAsync<SchoolClass>(classId, ct))?.Name : null;
        return Page();
    }

    public string Describe(TimelineEntry entry) => ConcernWording.Describe(entry, Names);

    public string AuthorOf(ConcernText text) => ConcernWording.AuthorOf(text, Names);
}
