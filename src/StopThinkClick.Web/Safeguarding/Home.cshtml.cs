using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding;

/// <summary>The concern log: every worry a pupil raised and every concern staff recorded, newest first.</summary>
[Authorize(Policy = Policies.Safeguarding)]
public sealed class HomeModel(SchoolSessions sessions, AccessLog access) : PageModel
{
    Dictionary<Guid, string> classes = [];

    public IReadOnlyList<Concern> Concerns { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public string Show { get; private set; } = "open";
    public int Open { get; private set; }
    public int New { get; private set; }

    public string ClassName(Guid? id) => id is { } c ? classes.GetValueOrDefault(c, "") : "";

    public async Task OnGetAsync(string? show, CancellationToken ct)
    {
        Show = show is "new" or "closed" or "all" ? show : "open";
        await using var school = sessions.QueryCurrent();
        var all = await school.Query<Concern>().OrderByDescending(c => c.RaisedAt).ToListAsync(ct);
        Open = all.Count(c => c.Status != ConcernStatus.Closed);
        New = all.Count(c => c.Status == ConcernStatus.New);
        Concerns = all.Where(c => Show switch
        {
            "new" => c.Status == ConcernStatus.New,
            "closed" => c.Status == ConcernStatus.Closed,
            "all" => true,
            _ => c.Status != ConcernStatus.Closed,
        }).ToList();
        Names = await StopThinkClick.Web.Schools.Names.OfAsync(school, Concerns.SelectMany(c => new[] { c.PupilId, c.RaisedBy }).OfType<Guid>(), ct);
        classes = (await school.Query<SchoolClass>().ToListAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
        // Opening the log shows children's names beside their worries: that look is recorded too.
        await access.RecordAsync(sessions.CurrentSchoolId(), User, AccessKind.ConcernList, ct, detail: $"{Show}: {Concerns.Count} shown");
    }
}
