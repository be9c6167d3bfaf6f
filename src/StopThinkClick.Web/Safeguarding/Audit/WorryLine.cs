using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Audit;

/// <summary>
/// The "worries raised" line of a live lesson's summary. The names of worried children are shown
/// only to the teacher who ran the session (who must check in with each child) and the
/// safeguarding leads; anyone else who may open the summary, such as the school admin, reads only
/// how many. Every showing of the line is recorded.
/// </summary>
public sealed class WorryLine(SchoolSessions sessions, AccessLog access) : ViewComponent
{
    public sealed record Line(int Count, IReadOnlyList<string>? Names);

    public async Task<IViewComponentResult> InvokeAsync(LiveSessionSummary summary)
    {
        var ct = HttpContext.RequestAborted;
        if (summary.WorriedPupils.Count == 0) return Content("");
        var user = UserClaimsPrincipal;
        var mayName = user.PersonId() == summary.TeacherId || AccessLog.IsSafeguardingLead(user);
        IReadOnlyList<string>? names = null;
        if (mayName)
        {
            await using var school = sessions.QueryCurrent();
            var known = await StopThinkClick.Web.Schools.Names.OfAsync(school, summary.WorriedPupils, ct);
            names = summary.WorriedPupils.Distinct().Select(p => known.TryGetValue(p, out var n) ? n : "A pupil").ToList();
        }
        await access.RecordAsync(sessions.CurrentSchoolId(), user, AccessKind.LiveWorryLine, ct, sessionId: summary.Id,
            detail: mayName ? $"{summary.WorriedPupils.Count} worries, names shown" : $"{summary.WorriedPupils.Count} worries, no names");
        return View("/Safeguarding/Audit/WorryLine.cshtml", new Line(summary.WorriedPupils.Count, names));
    }
}
