using Marten;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Opens Marten sessions for one school. Every read and write names its school: the signed-in
/// user's (from their cookie) or, on the few anonymous pages, the one the request is about.
/// There is deliberately no session without a school, so nothing can read across schools.
/// </summary>
public sealed class SchoolSessions(IDocumentStore store, IHttpContextAccessor http)
{
    public IDocumentSession For(string schoolId) => store.LightweightSession(schoolId);

    public IQuerySession QueryFor(string schoolId) => store.QuerySession(schoolId);

    /// <summary>The session of the signed-in user's school.</summary>
    public IDocumentSession Current() => For(CurrentSchoolId());

    public IQuerySession QueryCurrent() => QueryFor(CurrentSchoolId());

    public string CurrentSchoolId() =>
        http.HttpContext?.User.FindFirst(SchoolClaims.School)?.Value
        ?? throw new InvalidOperationException("No signed-in school: this request cannot open a school's data.");
}

public static class SchoolClaims
{
    public const string School = "stc:school";
    public const string Person = "stc:person";
    public const string Class = "stc:class";
    public const string Band = "stc:band";
}
