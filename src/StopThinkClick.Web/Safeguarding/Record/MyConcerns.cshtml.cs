using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Record;

/// <summary>A teacher sees the concerns they raised — their status, not the lead's notes.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MyConcernsModel(SchoolSessions sessions, AccessLog access) : PageModel
{
    public IReadOnlyList<Concern> Concerns { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public bool Recorded { get; private set; }

    public async Task OnGetAsync(bool recorded, CancellationToken ct)
    {
        Recorded = recorded;
        var me = User.PersonId();
        await using var school = sessions.QueryCurrent();
        Concerns = await school.Query<Concern>().Where(c => c.RaisedBy == me).OrderByDescending(c => c.RaisedAt).ToListAsync(ct);
        Names = await StopThinkClick.Web.Schools.Names.OfAsync(school, Concerns.Select(c => c.PupilId).OfType<Guid>(), ct);
        // Even one's own concerns name children and their status: every look at them is on the lead's record.
        if (Concerns.Count > 0)
            await access.RecordAsync(sessions.CurrentSchoolId(), User, AccessKind.ConcernList, ct, detail: $"own concerns ({Concerns.Count})");
    }
}
