using System.Net.Mail;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents;

/// <summary>
/// A parent redeems the invitation on their child's letter: a new account, or the child added to
/// the account they have. Each code works once and expires; guessing is rate-limited.
/// </summary>
[EnableRateLimiting(RateLimits.AdultSignIn)]
public sealed class JoinModel(IDocumentStore store, TimeProvider clock, WrongCodeGuard guard) : PageModel
{
    static readonly PasswordHasher<AdultAccount> Hasher = new();

    public string? Code { get; private set; }
    public ParentInvitation? Invitation { get; private set; }
    public string ChildName { get; private set; } = "";
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code;
        if (!string.IsNullOrWhiteSpace(code)) await CheckAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(string? code, CancellationToken ct)
    {
        Code = code;
        await CheckAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? code, string? displayName, string? email, string? password, string? again, CancellationToken ct)
    {
        Code = code;
        if (!await CheckAsync(code, ct)) return Page();
        displayName = displayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > 60) return Problem("please give your name (up to 60 characters).");
        if (string.IsNullOrWhiteSpace(email) || !MailAddress.TryCreate(email.Trim(), out _)) return Problem("that e-mail address does not look right.");
        if (StopThinkClick.Web.SignIn.Account.PasswordRules.Problem(password, again) is { } problem) return Problem(problem);

        await using var session = store.LightweightSession(Invitation!.SchoolId);
        var id = AdultAccount.Normalise(email);
        if (await session.LoadAsync<AdultAccount>(id, ct) is not null)
            return Problem("that e-mail address already has an account. Sign in first, then use the code to add your child.");
        var parentId = Guid.CreateVersion7();
        var account = new AdultAccount(id, Invitation.SchoolId, parentId, AdultRole.Parent, "") { SecurityStamp = StopThinkClick.Web.SignIn.Sessions.SessionStamps.New() };
        account = account with { PasswordHash = Hasher.HashPassword(account, password!) };
        session.Insert(account);
        session.Store(new Parent(parentId, displayName, [Invitation.PupilId]));
        var (retry, refused) = await RedeemAsync(session, parentId, ct);
        if (refused is not null) return refused;
        if (retry) return Problem("something changed at the same moment. Please press the button again.");
        await HttpContext.SignInAsync(Principals.ForAdult(account, displayName));
        return LocalRedirect("/parent");
    }

    public async Task<IActionResult> OnPostAttachAsync(string? code, CancellationToken ct)
    {
        Code = code;
        if (!User.IsInRole(Roles.Parent)) return Problem("please sign in first.");
        if (!await CheckAsync(code, ct)) return Page();
        if (Invitation!.SchoolId != User.SchoolId()) return Problem("this invitation is for a child at another school. Use a separate account for each school.");
        for (var attempt = 1; ; attempt++)
        {
            // The parent's record is checked against the version read: the school unlinking another
            // child at the same moment is not undone, and this child is not lost.
            await using var session = store.LightweightSession(Invitation.SchoolId);
            var parent = await session.LoadAsync<Parent>(User.PersonId(), ct);
            if (parent is null) return Problem("your account could not be found. Please sign in again.");
            session.Store(parent with { ChildIds = parent.ChildIds.Append(Invitation.PupilId).Distinct().ToList() });
            var (retry, refused) = await RedeemAsync(session, parent.Id, ct);
            if (refused is not null) return refused;
            if (!retry) return LocalRedirect("/parent");
            if (attempt == 5) return Problem("something changed at the same moment. Please press the button again.");
        }
    }

    /// <summary>
    /// Marks the invitation used "if still unused" (its revision), in the same transaction as the
    /// account it makes: of two parents redeeming one letter at once, the second changes nothing.
    /// </summary>
    /// Returns a refusal, or Retry when only the parent's own record changed meanwhile.
    async Task<(bool Retry, IActionResult? Refused)> RedeemAsync(IDocumentSession session, Guid parentId, CancellationToken ct)
    {
        session.UpdateRevision(Invitation! with { UsedAt = clock.GetUtcNow(), UsedBy = parentId }, Invitation.Version + 1);
        try
        {
            await session.SaveChangesAsync(ct);
            return (false, null);
        }
        catch (DocumentAlreadyExistsException)
        {
            return (false, Problem("that e-mail address already has an account. Sign in first, then use the code to add your child."));
        }
        catch (Exception e) when (LostRace.Is(e))
        {
            await using var directory = store.QuerySession();
            var now = await directory.LoadAsync<ParentInvitation>(Invitation.Id, ct);
            return now is { UsedAt: null } ? (true, null)
                : (false, Problem("this invitation has already been used. If that was not you, please tell the school office."));
        }
    }

    async Task<bool> CheckAsync(string? code, CancellationToken ct)
    {
        Invitation = null;
        if (guard.Blocked(HttpContext)) { Problem(WrongCodeGuard.Message); Response.StatusCode = StatusCodes.Status429TooManyRequests; return false; }
        if (string.IsNullOrWhiteSpace(code) || code.Length > 30) { Problem("type the code from the letter."); return false; }
        await using var directory = store.QuerySession();
        var invitation = await directory.LoadAsync<ParentInvitation>(Invitations.IdOf(code), ct);
        if (invitation is null) { guard.Wrong(HttpContext); Problem("we can't find that invitation code. Check the letter and try again."); return false; }
        if (invitation.UsedAt is not null) { Problem("this invitation has already been used. If that was not you, please tell the school office."); return false; }
        if (invitation.ExpiresAt < clock.GetUtcNow()) { Problem("this invitation has expired. Ask the school office for a new letter."); return false; }
        await using var school = store.QuerySession(invitation.SchoolId);
        var pupil = await school.LoadAsync<Pupil>(invitation.PupilId, ct);
        if (pupil is null || pupil.Erased) { Problem("this invitation is no longer valid. Ask the school office for a new letter."); return false; }
        (Invitation, ChildName, Message) = (invitation, pupil.FirstName, null);
        return true;
    }

    PageResult Problem(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
