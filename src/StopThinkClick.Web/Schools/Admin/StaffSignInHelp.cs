using System.Security.Claims;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>
/// Helping a member of staff back into their account, as the admin's staff page and the safeguarding
/// team's page both do: a password link, or a two-step reset. Each is recorded in the person's
/// account history with who did it; which of them may be helped by whom is the pages' business.
/// </summary>
public sealed class StaffSignInHelp(SchoolSessions sessions, AdultAccounts accounts, PasswordLinks links, TimeProvider clock)
{
    /// <summary>Makes the link (see <see cref="PasswordLinks.IssueAsync"/>) and, unless it was withheld, records it.</summary>
    public async Task<IssuedLink> IssueLinkAsync(Guid personId, string email, PasswordLinkKind kind, ClaimsPrincipal by, CancellationToken ct)
    {
        var issued = await links.IssueAsync(email, kind, by, ct);
        if (issued.Delivery == LinkDelivery.Withheld) return issued;
        await using var session = sessions.Current();
        session.Events.Append(personId, new SignInLinkIssued(personId, kind == PasswordLinkKind.Welcome ? "welcome" : "reset", by.PersonId(), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return issued;
    }

    /// <summary>Removes the person's two-step key and recovery codes, signs them out everywhere, records it and tells them; false if they had none.</summary>
    public async Task<bool> ResetTwoStepAsync(Guid personId, string email, ClaimsPrincipal by, CancellationToken ct)
    {
        var reset = await accounts.ChangeAsync(email, a => a.TotpSecret is null ? null : a with { TotpSecret = null, RecoveryCodeHashes = [] }, ct, endOtherSessions: true,
            alsoWrite: (s, _, _) => s.Events.Append(personId, new TwoStepReset(personId, by.PersonId(), clock.GetUtcNow())));
        if (reset is null) return false;
        await links.TellTwoStepResetAsync(email, ct);
        return true;
    }
}
