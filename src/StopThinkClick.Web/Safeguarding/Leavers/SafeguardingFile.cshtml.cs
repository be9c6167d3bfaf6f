using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Leavers;

/// <summary>
/// One child's whole safeguarding file, printable, for their next school ("the child protection file
/// follows the child"): every concern, open or closed, with the child's own words, every staff
/// account and note with its author, and every step of every timeline. Each printing is recorded,
/// and a leaver's learning data can be erased only after their file has been printed.
/// </summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class SafeguardingFileModel(SchoolSessions sessions, AccessLog access, TimeProvider clock) : PageModel
{
    public sealed record Entry(Concern Concern, IReadOnlyList<ConcernText> Texts);

    public Pupil? Pupil { get; private set; }
    public string? ClassName { get; private set; }
    public IReadOnlyList<Entry> Concerns { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public DateTimeOffset PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid pupilId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Pupil = await school.LoadAsync<Pupil>(pupilId, ct);
        if (Pupil is null) return NotFound();
        ClassName = (await school.LoadAsync<SchoolClass>(Pupil.ClassId, ct))?.Name;
        var concerns = await school.Query<Concern>().Where(c => c.PupilId == pupilId).OrderBy(c => c.RaisedAt).ToListAsync(ct);
        var ids = concerns.Select(c => c.Id).ToList();
        var texts = ids.Count == 0 ? [] : await school.Query<ConcernText>().Where(t => ids.Contains(t.ConcernId)).OrderBy(t => t.At).ToListAsync(ct);
        Concerns = concerns.Select(c => new Entry(c, texts.Where(t => t.ConcernId == c.Id).ToList())).ToList();
        Names = await StopThinkClick.Web.Schools.Names.OfAsync(school, concerns.SelectMany(c => c.Timeline.Select(t => t.By)).OfType<Guid>()
            .Concat(texts.Select(t => t.AuthorId).OfType<Guid>()).Append(pupilId).Append(User.PersonId()), ct);
        PrintedAt = clock.GetUtcNow();
        await access.RecordAsync(sessions.CurrentSchoolId(), User, AccessKind.SafeguardingFile, ct, pupilId: pupilId,
            detail: $"{concerns.Count} concerns, {texts.Count} texts");
        return Page();
    }

    public bool IsNote(Concern c, ConcernText t) => c.Timeline.Any(e => e.NoteId == t.Id);
}
