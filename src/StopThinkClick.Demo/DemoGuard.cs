namespace StopThinkClick.Demo;

/// <summary>
/// Whether the demo may seed into (or reset) the database it was given. The demo only ever uses the
/// checkout's own database, but that database may hold a real school (made with <c>./stc school add</c>
/// and no ConnectionStrings__Marten): then the demo neither adds its published-in-the-console logins
/// beside it nor deletes anything. One line each, naming the fix.
/// </summary>
public static class DemoGuard
{
    /// <param name="schools">Every school document in the database.</param>
    /// <param name="tenants">Every school that owns an event stream (a school whose document is gone still counts).</param>
    /// <param name="hasKey">Whether the database has the demo's own key (<see cref="DemoKey"/>).</param>
    public static string? Refusal(IReadOnlyList<School> schools, IReadOnlyCollection<string> tenants, bool hasKey, bool reset)
    {
        var demo = schools.Where(s => s.Demo || DemoSchools.IsDemoId(s.Id)).Select(s => s.Id).Concat(DemoSchools.Schools.Select(s => s.Id)).ToHashSet();
        var real = schools.Where(s => !demo.Contains(s.Id)).Select(s => s.Name)
            .Concat(tenants.Where(t => !demo.Contains(t) && schools.All(s => s.Id != t)).Select(t => $"school {t}")).ToList();
        if (real.Count > 0)
            return $"This database holds a real school ({string.Join(", ", real.Take(3))}{(real.Count > 3 ? ", …" : "")}), so the demo will not seed into it or reset it: " +
                   "serve that school with ./stc serve, and try the demo from another checkout (each checkout has a database of its own).";
        var stale = schools.Any(s => !s.Demo) || schools.Count > 0 && !hasKey;
        if (stale && !reset)
            return "This demo was made when every install had the same published logins: start it afresh with ./stc run --reset " +
                   "(deletes the demo's data and makes logins of its own for this database).";
        return null;
    }
}
