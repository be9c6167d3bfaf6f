using System.Security.Claims;
using JasperFx;
using Marten;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.Web.SignIn.Links;

public enum LinkOutcome { Done, Unknown, Used, Expired, Closed, Retired }

/// <summary>Makes, sends and redeems one-time password links. An admin never sees or sets a password, nor a safeguarding lead's link.</summary>
public sealed class PasswordLinks(IDocumentStore store, AdultAccounts accounts, MailOutbox outbox, TryCounters counters, PublicAddress address, TimeProvider clock, ILogger<PasswordLinks> logger)
{
    public bool CanEmail => outbox.Configured;

    /// <summary>
    /// Makes a link for <paramref name="email"/>. With mail configured it is e-mailed to them;
    /// otherwise it is returned, to be shown once to <paramref name="shownTo"/> — unless the account
    /// can read concerns and they are not a safeguarding lead (<see cref="ConcernReaders"/>): then no
    /// link is made at all. The link is on the school's configured address (App:PublicUrl), never on
    /// the Host the request named.
    /// </summary>
    public Task<IssuedLink> IssueAsync(string email, PasswordLinkKind kind, ClaimsPrincipal? shownTo, CancellationToken ct) =>
        IssueAsync(email, kind, shownTo, atSetUp: false, ct);

    /// <summary>
    /// A new school's first admin's or safeguarding lead's welcome link, made by its set-up at the server
    /// (<c>./stc school add</c>), where nobody is signed in: e-mailed with mail configured; otherwise
    /// returned to be shown once on the server's console to the technician, who hands it to that person
    /// alone — a lead's too, as a new school has no other lead to make it on Safeguarding → Team.
    /// </summary>
    public Task<IssuedLink> IssueAtSetUpAsync(string email, CancellationToken ct) =>
        IssueAsync(email, PasswordLinkKind.Welcome, shownTo: null, atSetUp: true, ct);

    async Task<IssuedLink> IssueAsync(string email, PasswordLinkKind kind, ClaimsPrincipal? shownTo, bool atSetUp, CancellationToken ct)
    {
        var account = await accounts.FindAsync(email, ct);
        if (!CanEmail && !atSetUp && (account is null || !ConcernReaders.MayBeShownTo(account.Role, shownTo)))
            return new IssuedLink(LinkDelivery.Withheld);
        var secret = PasswordLink.NewSecret();
        var now = clock.GetUtcNow();
        await using (var session = store.LightweightSession())
        {
            var id = PasswordLink.IdOf(secret);
            session.Insert(new PasswordLink(id, AdultAccount.Normalise(email), kind, now, now + PasswordLink.LifetimeOf(kind)));
            await RetireOthersAsync(session, email, id, now, ct);
            await session.SaveChangesAsync(ct);
        }
        // On the address of the person's own school (its settings), or the server's.
        var url = (account is null ? address.Url : await address.ForSchoolAsync(account.SchoolId, ct)) + PasswordLink.Path(secret);
        if (!CanEmail) return new IssuedLink(LinkDelivery.Shown, url);
        var (subject, opening) = kind == PasswordLinkKind.Welcome
            ? ("Your StopThinkClick account", "Your school has made you a StopThinkClick account. Choose your password here:")
            : ("Set a new StopThinkClick password", "Someone (we hope you) asked for a new StopThinkClick password. Choose one here:");
        var body = $"{opening}\n\n{url}\n\nThe link works once and runs out after {(kind == PasswordLinkKind.Welcome ? "7 days" : "24 hours")}; an older link stops working. If you did not expect this e-mail, you can ignore it.";
        // The set-up at the server is a command that ends at once, with nothing left to empty the outbox:
        // it hands the message to the mail server itself, and says so if the server did not take it.
        if (atSetUp) await outbox.SendNowAsync(email, subject, body, ct);
        else outbox.Send(email, subject, body);
        logger.LogInformation("Queued a {Kind} link to be e-mailed", kind);
        return new IssuedLink(LinkDelivery.Emailed);
    }

    /// <summary>Tells someone their two-step sign-in was reset by somebody else, so a reset they did not ask for is noticed.</summary>
    public async Task TellTwoStepResetAsync(string email, CancellationToken ct)
    {
        if (!CanEmail) return;
        var at = await accounts.FindAsync(email, ct) is { } account ? await address.ForSchoolAsync(account.SchoolId, ct) : address.Url;
        outbox.Send(email, "Your StopThinkClick two-step sign-in was reset",
            $"Your StopThinkClick two-step sign-in was reset by your school. Next time you sign in at {at} you will set it up again with your authenticator app.\n\nIf you did not ask for this, tell your headteacher at once.");
    }

    public async Task<(LinkOutcome Outcome, PasswordLink? Link)> CheckAsync(string? secret, CancellationToken ct)
    {
        if (!PasswordLink.LooksLikeSecret(secret)) return (LinkOutcome.Unknown, null);
        await using var query = store.QuerySession();
        var link = await query.LoadAsync<PasswordLink>(PasswordLink.IdOf(secret!), ct);
        if (link is null) return (LinkOutcome.Unknown, null);
        if (link.UsedAt is not null) return (LinkOutcome.Used, link);
        if (link.RetiredAt is not null) return (LinkOutcome.Retired, link);
        if (link.ExpiresAt < clock.GetUtcNow()) return (LinkOutcome.Expired, link);
        var account = await accounts.FindAsync(link.Email, ct);
        return account is null || account.Deactivated ? (LinkOutcome.Closed, link) : (LinkOutcome.Done, link);
    }

    /// <summary>
    /// Uses the link once: marks it used "if still unused", sets the password and ends every other
    /// session, all in one transaction — a failure leaves the link usable and the old password
    /// working; of two uses at once, one commits and the other finds the link used.
    /// </summary>
    public async Task<(LinkOutcome Outcome, AdultAccount? Account)> RedeemAsync(string? secret, string password, CancellationToken ct)
    {
        var (outcome, link) = await CheckAsync(secret, ct);
        if (outcome != LinkOutcome.Done) return (outcome, null);
        var now = clock.GetUtcNow();
        var account = await accounts.ChangeAsync(link!.Email, async (session, account, token) =>
        {
            // Read again in this transaction: its revision is checked on commit, so a use that commits meanwhile wins.
            var current = await session.LoadAsync<PasswordLink>(link.Id, token);
            outcome = current is null ? LinkOutcome.Unknown
                : current.UsedAt is not null ? LinkOutcome.Used
                : current.RetiredAt is not null ? LinkOutcome.Retired
                : current.ExpiresAt < now ? LinkOutcome.Expired
                : account.Deactivated ? LinkOutcome.Closed
                : LinkOutcome.Done;
            if (outcome != LinkOutcome.Done) return null;
            session.UpdateRevision(current! with { UsedAt = now }, current!.Version + 1);
            await RetireOthersAsync(session, account.Email, current.Id, now, token);
            return account with { PasswordHash = AdultSignInService.Hash(account, password) };
        }, ct, endOtherSessions: true);
        if (account is not null)
        {
            // The link proved the address is theirs: a pause somebody else's guessing caused ends here.
            await counters.ClearAsync(TryKeys.Password(account.Email), ct);
            return (LinkOutcome.Done, account);
        }
        return (outcome == LinkOutcome.Done ? LinkOutcome.Closed : outcome, null);
    }

    /// <summary>
    /// Only the newest link works: making or using one retires every other unused link for the address,
    /// in the same transaction (their revisions are checked, so a link used meanwhile is not undone).
    /// </summary>
    static async Task RetireOthersAsync(IDocumentSession session, string email, string keep, DateTimeOffset now, CancellationToken ct)
    {
        var address = AdultAccount.Normalise(email);
        var others = await session.Query<PasswordLink>().Where(l => l.Email == address && l.UsedAt == null && l.RetiredAt == null && l.Id != keep).ToListAsync(ct);
        foreach (var other in others) session.UpdateRevision(other with { RetiredAt = now }, other.Version + 1);
    }
}

public enum LinkDelivery { Emailed, Shown, Withheld }

/// <summary>What became of a link: e-mailed, to be shown once (<paramref name="Url"/>), or withheld and never made.</summary>
public sealed record IssuedLink(LinkDelivery Delivery, string? Url = null);
