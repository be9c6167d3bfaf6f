using System.Security.Claims;
using Marten;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents;

/// <summary>A parent sees only their own children: the ones their invitations attached them to.</summary>
public static class ParentChildren
{
    public sealed record Child(Pupil Pupil, SchoolClass Class);

    public static async Task<IReadOnlyList<Child>> OfAsync(IQuerySession school, ClaimsPrincipal parent, CancellationToken ct)
    {
        var me = await school.LoadAsync<Parent>(parent.PersonId(), ct);
        if (me is null || me.ChildIds.Count == 0) return [];
        var pupils = (await school.LoadManyAsync<Pupil>(ct, me.ChildIds)).Where(p => !p.Erased).ToList();
        var classes = (await school.LoadManyAsync<SchoolClass>(ct, pupils.Select(p => p.ClassId).Distinct())).ToDictionary(c => c.Id);
        return pupils.Where(p => classes.ContainsKey(p.ClassId)).Select(p => new Child(p, classes[p.ClassId])).OrderBy(c => c.Pupil.FirstName).ToList();
    }

    /// <summary>The child, if it is this parent's; null for anyone else's child (or another school's).</summary>
    public static async Task<Child?> OneAsync(IQuerySession school, ClaimsPrincipal parent, Guid pupilId, CancellationToken ct) =>
        (await OfAsync(school, parent, ct)).FirstOrDefault(c => c.Pupil.Id == pupilId);
}
