using Marten;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>The admin's view of who opened, closed or changed whose account, newest first (ids in events, names from the records).</summary>
public static class AccountHistory
{
    public static async Task<IReadOnlyList<StaffModel.HistoryLine>> RecentAsync(IQuerySession school, IReadOnlyDictionary<Guid, string> names, CancellationToken ct)
    {
        string Name(Guid id) => names.GetValueOrDefault(id) ?? "someone";
        var lines = new List<StaffModel.HistoryLine>();
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffRoleChanged>().ToListAsync(ct))
            lines.Add(new(e.At, $"{Name(e.ByPersonId)} changed {Name(e.PersonId)} from {StaffModel.RoleName(e.From).ToLowerInvariant()} to {StaffModel.RoleName(e.To).ToLowerInvariant()}"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffAccountDeactivated>().ToListAsync(ct))
            lines.Add(new(e.At, $"{Name(e.ByPersonId)} closed {Name(e.PersonId)}'s account"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffAccountReopened>().ToListAsync(ct))
            lines.Add(new(e.At, $"{Name(e.ByPersonId)} reopened {Name(e.PersonId)}'s account"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffAccountOpened>().ToListAsync(ct))
            lines.Add(new(e.At, $"{Name(e.ByPersonId)} opened an account for {Name(e.PersonId)} as {StaffModel.RoleName(e.Role).ToLowerInvariant()}"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<TwoStepReset>().ToListAsync(ct))
            lines.Add(new(e.At, $"{Name(e.ByPersonId)} reset {Name(e.PersonId)}'s two-step sign-in"));
        return lines.OrderByDescending(l => l.At).Take(30).ToList();
    }
}
