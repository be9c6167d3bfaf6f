using Marten;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// Looks up who an id is, at the moment of showing it: events and summaries keep ids only, so an
/// erased pupil shows as "A pupil" everywhere from then on.
/// </summary>
public static class Names
{
    public static async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IQuerySession school, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Where(id => id != Guid.Empty).Distinct().ToArray();
        var names = new Dictionary<Guid, string>();
        if (wanted.Length == 0) return names;
        foreach (var p in await school.LoadManyAsync<Pupil>(ct, wanted)) names[p.Id] = p.Erased ? "A pupil" : p.DisplayName;
        foreach (var s in await school.LoadManyAsync<StaffMember>(ct, wanted)) names[s.Id] = s.DisplayName;
        foreach (var p in await school.LoadManyAsync<Parent>(ct, wanted)) names[p.Id] = p.DisplayName;
        return names;
    }

    public static string Of(this IReadOnlyDictionary<Guid, string> names, Guid? id) =>
        id is { } known && names.TryGetValue(known, out var name) ? name : "Someone";
}
