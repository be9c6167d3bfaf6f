using Marten;
using StopThinkClick.Web.Schools.Admin;
using StopThinkClick.Web.Schools.Settings;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Links;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.Schools.SetUp;

/// <summary>The school just set up, and how each of its two first links went out (e-mailed, or to be shown once at the server).</summary>
public sealed record SchoolSetUpDone(School School, IssuedLink AdminLink, IssuedLink LeadLink);

/// <summary>
/// Sets up a real school with no demo anywhere: the school, its settings, its first admin and its
/// designated safeguarding lead, in one transaction, and then a one-time welcome link for each, with
/// which they choose their own password (and, at first sign-in, their two-step sign-in). Nobody is
/// given a password or anyone else's link: the lead's link goes to the lead, never through the admin
/// (<see cref="ConcernReaders"/>). Bad input, or a URN or e-mail already here, writes nothing.
/// </summary>
public sealed class SchoolSetUp(IDocumentStore store, AdultAccounts accounts, PasswordLinks links, SchoolContexts contexts, TimeProvider clock)
{
    /// <summary>The school, or the one line that says why not and what to do.</summary>
    public async Task<(SchoolSetUpDone? Done, string? Refusal)> AddAsync(NewSchool school, CancellationToken ct)
    {
        if (school.Problems() is { Count: > 0 } problems) return (null, string.Join(Environment.NewLine, problems));
        await using (var directory = store.QuerySession())
        {
            if (school.TrustId is { } trustId && await directory.LoadAsync<Trust>(trustId, ct) is null)
                return (null, $"--trust: there is no trust \"{trustId}\" here: add it first with ./stc trust add --name \"…\" (./stc trust list shows those there are).");
            var urn = school.Urn.Trim();
            if (await directory.Query<School>().Where(s => s.AnyTenant() && s.Urn == urn).FirstOrDefaultAsync(ct) is { } existing)
                return (null, AlreadyHere(existing));
        }
        foreach (var email in new[] { school.AdminEmail, school.LeadEmail })
            if (await accounts.FindAsync(email, ct) is not null)
                return (null, $"{email} already has an account on this server: give the school's own address for this person (one account per e-mail address).");

        var now = clock.GetUtcNow();
        var admin = Guid.CreateVersion7();
        var lead = Guid.CreateVersion7();
        var written = new School(school.SchoolId, school.Name.Trim(), school.LeadName.Trim()) { Urn = school.Urn.Trim(), TrustId = school.TrustId };
        await using (var session = store.LightweightSession(school.SchoolId))
        {
            session.Insert(written);
            var (month, day) = school.YearStarts;
            session.Store(new SchoolSettings(school.SchoolId)
            {
                TimeZone = school.TimeZone, YearStartMonth = month, YearStartDay = day,
                PublicAddress = school.PublicAddress.Trim().TrimEnd('/'), Languages = school.Languages,
            });
            Open(session, admin, school.AdminEmail, school.AdminName, AdultRole.SchoolAdmin, now);
            Open(session, lead, school.LeadEmail, school.LeadName, AdultRole.SafeguardingLead, now);
            try { await session.SaveChangesAsync(ct); }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                // Another set-up of the same URN or e-mail committed first: that one stands, this one wrote nothing.
                return (null, $"URN {school.Urn.Trim()} or one of the e-mail addresses was set up here a moment ago by another command: nothing was written; ./stc school list shows what is here.");
            }
        }
        contexts.Forget(school.SchoolId);
        var (adminLink, leadLink) = await LinksAsync(written, ct);
        return (new SchoolSetUpDone(written, adminLink!, leadLink!), null);
    }

    /// <summary>
    /// New welcome links for the school's first admin and lead while they have not chosen a password yet
    /// (a link ran out, or the mail server failed): <c>./stc school links --urn …</c>. Each link sent
    /// replaces none of the others; each works once.
    /// </summary>
    public async Task<(IssuedLink? Admin, IssuedLink? Lead)> LinksAsync(School school, CancellationToken ct)
    {
        await using var directory = store.QuerySession();
        var first = await directory.Query<AdultAccount>()
            .Where(a => a.SchoolId == school.Id && (a.Role == AdultRole.SchoolAdmin || a.Role == AdultRole.SafeguardingLead) && a.PasswordHash == "" && !a.Deactivated)
            .ToListAsync(ct);
        IssuedLink? admin = null, lead = null;
        foreach (var account in first.OrderBy(a => a.Role))
        {
            var issued = await links.IssueAtSetUpAsync(account.Email, ct);
            await using (var session = store.LightweightSession(school.Id))
            {
                session.Events.Append(account.PersonId, new SignInLinkIssued(account.PersonId, "welcome", SetUpBy, clock.GetUtcNow()));
                await session.SaveChangesAsync(ct);
            }
            if (account.Role == AdultRole.SchoolAdmin) admin ??= issued; else lead ??= issued;
        }
        return (admin, lead);
    }

    public async Task<School?> FindAsync(string urn, CancellationToken ct)
    {
        await using var directory = store.QuerySession();
        return await directory.Query<School>().Where(s => s.AnyTenant() && s.Urn == urn.Trim()).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<School>> AllAsync(CancellationToken ct)
    {
        await using var directory = store.QuerySession();
        return (await directory.Query<School>().Where(s => s.AnyTenant()).ToListAsync(ct)).OrderBy(s => s.Name).ToList();
    }

    /// <summary>Who opened the first accounts, in their history: nobody signed in, the set-up at the server.</summary>
    public static readonly Guid SetUpBy = Guid.Empty;

    static string AlreadyHere(School existing) =>
        $"URN {existing.Urn} is already set up here as {existing.Name}: nothing was written. New links for its first admin and lead: ./stc school links --urn {existing.Urn}.";

    static void Open(IDocumentSession session, Guid person, string email, string name, AdultRole role, DateTimeOffset now)
    {
        // No password: each person chooses their own from their welcome link.
        session.Insert(new AdultAccount(AdultAccount.Normalise(email), session.TenantId, person, role, "") { SecurityStamp = SessionStamps.New() });
        session.Store(new StaffMember(person, name.Trim(), [AccountRoles.StaffRoleOf(role)]));
        session.Events.StartStream(person, new StaffAccountOpened(person, role, SetUpBy, now));
    }
}
