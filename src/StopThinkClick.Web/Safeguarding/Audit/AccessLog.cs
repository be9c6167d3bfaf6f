using System.Security.Claims;
using Marten;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding.Audit;

/// <summary>Writes access records. Stage into a session that is saving anyway, or record on its own.</summary>
public sealed class AccessLog(IDocumentStore store, TimeProvider clock)
{
    public AccessRecord Stage(IDocumentSession session, ClaimsPrincipal who, AccessKind what, Guid? concernId = null, Guid? pupilId = null, Guid? sessionId = null, string detail = "")
    {
        var record = new AccessRecord(Guid.CreateVersion7(), who.PersonId(), RoleOf(who), what, concernId, pupilId, sessionId, detail, clock.GetUtcNow());
        session.Store(record);
        return record;
    }

    public async Task RecordAsync(string schoolId, ClaimsPrincipal who, AccessKind what, CancellationToken ct, Guid? concernId = null, Guid? pupilId = null, Guid? sessionId = null, string detail = "")
    {
        await using var session = store.LightweightSession(schoolId);
        Stage(session, who, what, concernId, pupilId, sessionId, detail);
        await session.SaveChangesAsync(ct);
    }

    public static string RoleOf(ClaimsPrincipal who) =>
        who.IsInRole(Roles.SafeguardingLead) ? "Safeguarding lead"
        : who.IsInRole(Roles.DeputySafeguardingLead) ? "Deputy safeguarding lead"
        : who.IsInRole(Roles.SchoolAdmin) ? "School admin"
        : who.IsInRole(Roles.Teacher) ? "Teacher"
        : who.IsInRole(Roles.Parent) ? "Parent" : "Someone";

    public static bool IsSafeguardingLead(ClaimsPrincipal who) => who.IsInRole(Roles.SafeguardingLead) || who.IsInRole(Roles.DeputySafeguardingLead);
}
