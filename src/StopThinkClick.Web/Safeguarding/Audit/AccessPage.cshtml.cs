using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Audit;

/// <summary>The safeguarding lead's record of every look at safeguarding data, every export and every erasure.</summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class AccessPageModel(SchoolSessions sessions) : PageModel
{
    public const int Shown = 500;

    public IReadOnlyList<AccessRecord> Records { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Records = await school.Query<AccessRecord>().OrderByDescending(r => r.At).Take(Shown).ToListAsync(ct);
        Names = await StopThinkClick.Web.Schools.Names.OfAsync(school, Records.Select(r => r.PersonId).Concat(Records.Select(r => r.PupilId).OfType<Guid>()), ct);
    }

    public static string What(AccessKind kind) => kind switch
    {
        AccessKind.ConcernList => "Opened the concern log",
        AccessKind.Concern => "Opened a concern",
        AccessKind.SafeguardingFile => "Printed a child's safeguarding file",
        AccessKind.LiveWorryLine => "Saw the worries line of a live-lesson summary",
        AccessKind.SubjectAccessExport => "Downloaded a child's data (subject access)",
        AccessKind.Erasure => "Erased a child's data",
        AccessKind.LeaversErasure => "Erased a leaver's learning data",
        AccessKind.RetentionErasure => "Erased a leaver's learning data when the school's retention period ended (nightly run)",
        _ => kind.ToString(),
    };
}
