using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.Schools.Admin;

/// <summary>
/// Parents and carers: which children each is linked to, unlinking one (a court order, a wrong
/// letter) — recorded, and the parent's sessions end so the child disappears from their view at
/// once — and a one-time link for a forgotten password.
/// </summary>
[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class ParentsModel(SchoolSessions sessions, AdultAccounts accounts, PasswordLinks links, SignIn.Throttle.SignInPauses pauses, TimeProvider clock) : PageModel
{
    public sealed record Row(Parent Parent, AdultAccount? Account, IReadOnlyList<Pupil> Children);

    public IReadOnlyList<Row> Parents { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Link { get; private set; }
    public bool Refused { get; private set; }
    public IReadOnlyDictionary<string, DateTimeOffset> Paused { get; private set; } = new Dictionary<string, DateTimeOffset>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUnlinkAsync(Guid parentId, Guid pupilId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Parents.FirstOrDefault(r => r.Parent.Id == parentId) is not { } row || !row.Parent.ChildIds.Contains(pupilId))
            return await DoneAsync("choose a parent and child from the list.", true, ct);
        await LostRace.RetryAsync(5, async () =>
        {
            // Read again in the writing session: its version is checked, so a child the parent added
            // meanwhile (joining with a letter) is kept, and this child never comes back.
            await using var session = sessions.Current();
            var parent = await session.LoadAsync<Parent>(parentId, ct);
            if (parent is null || !parent.ChildIds.Contains(pupilId)) return;
            session.Store(parent with { ChildIds = parent.ChildIds.Where(c => c != pupilId).ToList() });
            session.Events.Append(parentId, new ParentUnlinked(parentId, pupilId, User.PersonId(), clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        });
        if (row.Account is not null) await accounts.ChangeAsync(row.Account.Email, a => a, ct, endOtherSessions: true);
        var child = row.Children.FirstOrDefault(c => c.Id == pupilId)?.DisplayName ?? "the child";
        return await DoneAsync($"{row.Parent.DisplayName} is no longer linked to {child}, and has been signed out.", false, ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid parentId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Parents.FirstOrDefault(r => r.Parent.Id == parentId) is not { Account: { } account } row) return await DoneAsync("choose a parent from the list.", true, ct);
        var issued = await links.IssueAsync(account.Email, PasswordLinkKind.Reset, User, ct);
        if (issued.Delivery == LinkDelivery.Emailed) return await DoneAsync($"a link to choose a new password is e-mailed to {account.Email}.", false, ct);
        if (issued.Url is null) return await DoneAsync("that link can only be e-mailed.", true, ct);
        Link = issued.Url;
        return await DoneAsync($"give {row.Parent.DisplayName} this one-time link to choose a new password (shown only now; it runs out in 24 hours):", false, ct);
    }

    /// <summary>A parent paused after wrong passwords, let back in by the admin (staff are let back in by a safeguarding lead).</summary>
    public async Task<IActionResult> OnPostUnpauseAsync(Guid parentId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Parents.FirstOrDefault(r => r.Parent.Id == parentId) is not { Account: { } account } row || !Paused.ContainsKey(account.Email))
            return await DoneAsync("choose a parent whose sign-in is paused.", true, ct);
        await pauses.UnpauseAsync(account, User, ct);
        return await DoneAsync($"{row.Parent.DisplayName} can sign in again at once.", false, ct);
    }

    async Task<IActionResult> DoneAsync(string message, bool refused, CancellationToken ct)
    {
        (Message, Refused) = (message, refused);
        if (refused) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var schoolId = sessions.CurrentSchoolId();
        await using var school = sessions.QueryCurrent();
        var parents = await school.Query<Parent>().ToListAsync(ct);
        var accountsByPerson = (await school.Query<AdultAccount>().Where(a => a.SchoolId == schoolId && a.Role == AdultRole.Parent).ToListAsync(ct)).ToDictionary(a => a.PersonId);
        var childIds = parents.SelectMany(p => p.ChildIds).Distinct().ToArray();
        var children = childIds.Length == 0 ? new Dictionary<Guid, Pupil>() : (await school.LoadManyAsync<Pupil>(ct, childIds)).ToDictionary(p => p.Id);
        Parents = parents.OrderBy(p => p.DisplayName)
            .Select(p => new Row(p, accountsByPerson.GetValueOrDefault(p.Id), p.ChildIds.Where(children.ContainsKey).Select(c => children[c]).ToList())).ToList();
        Paused = await pauses.PausedAsync(accountsByPerson.Values, ct);
    }
}
