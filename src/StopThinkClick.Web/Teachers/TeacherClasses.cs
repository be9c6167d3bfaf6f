using System.Security.Claims;
using Marten;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers;

/// <summary>The classes a member of staff may act for: their own, or every class for the school admin.</summary>
public static class TeacherClasses
{
    public static async Task<IReadOnlyList<SchoolClass>> OfAsync(IQuerySession school, ClaimsPrincipal user, CancellationToken ct)
    {
        var classes = await school.Query<SchoolClass>().ToListAsync(ct);
        var me = user.PersonId();
        return classes.Where(c => !c.Left && (user.IsInRole(Roles.SchoolAdmin) || c.TeacherIds.Contains(me)))
            .OrderBy(c => c.Band).ThenBy(c => c.Name).ToList();
    }

    public static async Task<SchoolClass?> OneAsync(IQuerySession school, ClaimsPrincipal user, Guid classId, CancellationToken ct)
    {
        var schoolClass = await school.LoadAsync<SchoolClass>(classId, ct);
        return schoolClass is not null && MayTeach(user, schoolClass) ? schoolClass : null;
    }

    public static bool MayTeach(ClaimsPrincipal user, SchoolClass schoolClass) =>
        user.IsInRole(Roles.SchoolAdmin) || schoolClass.TeacherIds.Contains(user.PersonId());
}
