using JasperFx;
using Marten;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.SignIn;

/// <summary>
/// The one way an adult's account is changed: read it, change it, write it only if nobody changed
/// it since (Marten's numeric revision), and read again if somebody did. A change that should end
/// the person's other sessions gives them a new stamp.
/// </summary>
public sealed class AdultAccounts(IDocumentStore store, SessionStamps stamps)
{
    public async Task<AdultAccount?> FindAsync(string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 200) return null;
        await using var directory = store.QuerySession();
        return await directory.LoadAsync<AdultAccount>(AdultAccount.Normalise(email), ct);
    }

    public async Task<AdultAccount?> ForPersonAsync(string schoolId, Guid personId, CancellationToken ct)
    {
        await using var directory = store.QuerySession();
        return await directory.Query<AdultAccount>().FirstOrDefaultAsync(a => a.SchoolId == schoolId && a.PersonId == personId, ct);
    }

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) and saves it. Returns the saved account,
    /// or null when the account is gone or the change declined. <paramref name="alsoWrite"/> adds
    /// writes to the same transaction (events, the staff record), in the school's session.
    /// </summary>
    public Task<AdultAccount?> ChangeAsync(string email, Func<AdultAccount, AdultAccount?> change, CancellationToken ct,
        bool endOtherSessions = false, Action<IDocumentSession, AdultAccount, AdultAccount>? alsoWrite = null) =>
        ChangeAsync(email, (_, account, _) => Task.FromResult(change(account)), ct, endOtherSessions, alsoWrite);

    /// <summary>
    /// The same, for a change that reads (and may write) more in the same session and transaction — a
    /// one-time link used up with the password it sets. It is asked again on every retry.
    /// </summary>
    public async Task<AdultAccount?> ChangeAsync(string email, Func<IDocumentSession, AdultAccount, CancellationToken, Task<AdultAccount?>> change, CancellationToken ct,
        bool endOtherSessions = false, Action<IDocumentSession, AdultAccount, AdultAccount>? alsoWrite = null)
    {
        // The directory is one table for every school; a session of the account's school writes it
        // and the school's own records (events, staff) in one transaction.
        var schoolId = (await FindAsync(email, ct))?.SchoolId;
        if (schoolId is null) return null;
        for (var round = 0; round < 8; round++)
        {
            await using var directory = store.LightweightSession(schoolId);
            var account = await directory.LoadAsync<AdultAccount>(AdultAccount.Normalise(email), ct);
            if (account is null) return null;
            var next = await change(directory, account, ct);
            if (next is null) return null;
            if (endOtherSessions) next = next with { SecurityStamp = SessionStamps.New() };
            directory.UpdateRevision(next, account.Version + 1);
            alsoWrite?.Invoke(directory, account, next);
            try
            {
                await directory.SaveChangesAsync(ct);
            }
            catch (Exception e) when (LostRace.Is(e))
            {
                // Somebody changed the account (or another document this change wrote) first: several
                // such conflicts in one commit arrive wrapped together. Read again and decide again.
                continue;
            }
            stamps.Forget(next.PersonId);
            return next;
        }
        return null;
    }
}
