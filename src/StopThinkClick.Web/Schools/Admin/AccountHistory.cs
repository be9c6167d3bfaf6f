using Marten;
using StopThinkClick.Web.Safeguarding.Team;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>Who opened, closed or changed whose account, and the safeguarding team's changes, newest first (ids in events, names from the records).</summary>
public static class AccountHistory
{
    public static async Task<IReadOnlyList<StaffModel.HistoryLine>> RecentAsync(IQuerySession school, IReadOnlyDictionary<Guid, string> names, CancellationToken ct, Func<Guid, bool>? about = null)
    {
        string Name(Guid id) => names.GetValueOrDefault(id) ?? "someone";
        var lines = new List<StaffModel.HistoryLine>();
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffRoleChanged>().ToListAsync(ct))
            lines.Add(new(e.At, e.PersonId, $"{Name(e.ByPersonId)} changed {Name(e.PersonId)} from {StaffModel.RoleName(e.From).ToLowerInvariant()} to {StaffModel.RoleName(e.To).ToLowerInvariant()}"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffAccountDeactivated>().ToListAsync(ct))
            lines.Add(new(e.At, e.PersonId, $"{Name(e.ByPersonId)} closed {Name(e.PersonId)}'s account"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffAccountReopened>().ToListAsync(ct))
            lines.Add(new(e.At, e.PersonId, $"{Name(e.ByPersonId)} reopened {Name(e.PersonId)}'s account"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<StaffAccountOpened>().ToListAsync(ct))
            lines.Add(new(e.At, e.PersonId, $"{Name(e.ByPersonId)} opened an account for {Name(e.PersonId)} as {StaffModel.RoleName(e.Role).ToLowerInvariant()}"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<TwoStepReset>().ToListAsync(ct))
            lines.Add(new(e.At, e.PersonId, $"{Name(e.ByPersonId)} reset {Name(e.PersonId)}'s two-step sign-in"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<SignInLinkIssued>().ToListAsync(ct))
            lines.Add(new(e.At, e.PersonId, $"{Name(e.ByPersonId)} made a {e.Kind} sign-in link for {Name(e.PersonId)}"));
        foreach (var e in await school.Events.QueryRawEventDataOnly<SignInUnpaused>().ToListAsync(ct))
            lines.Add(new(e.At, e.PersonId, $"{Name(e.ByPersonId)} let {Name(e.PersonId)} sign in again after a pause of wrong tries"));
        foreach (var c in await school.Query<TeamChange>().ToListAsync(ct))
        {
            var what = TeamWording.What(c, names);
            lines.Add(new(c.AskedAt, c.PersonId, $"{Name(c.AskedBy)} asked to {what}"));
            if (c.DecidedAt is { } at)
                lines.Add(new(at, c.PersonId, c.Status == TeamChangeStatus.Approved ? $"{Name(c.DecidedBy ?? Guid.Empty)} approved: {what}" : $"{Name(c.DecidedBy ?? Guid.Empty)} turned down: {what}"));
        }
        return lines.Where(l => about?.Invoke(l.PersonId) ?? true).OrderByDescending(l => l.At).Take(30).ToList();
    }
}
