using System.Security.Claims;
using Marten;
using Microsoft.Extensions.Options;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.Web.SignIn;

public enum PinOutcome { SignedIn, WrongPictures, LockedOut, ClassPaused, AddressPaused, Unknown }

/// <summary>A signed-in pupil and their remembered display preferences (font, text size).</summary>
public sealed record SignedInPupil(ClaimsPrincipal User, PupilPreferences Preferences);

/// <summary>
/// Pupils sign in without e-mail or typing: a login card's QR code, or class code → their name →
/// their picture PIN. Wrong PINs are counted three ways (docs/privacy.md has the figures): per
/// pupil (five, then longer and longer pauses), per class (a spray over many pupils pauses PIN
/// sign-in for the class) and per address (a device spraying many classes). The teacher sees and
/// clears pauses on the class's login-cards page; a card still signs a paused pupil in.
/// </summary>
public sealed class PupilSignInService(IDocumentStore store, TryCounters counters, WrongPinGuard addresses, IOptions<RateLimitOptions> limits, TimeProvider clock)
{
    public sealed record ClassForSignIn(string SchoolId, SchoolClass Class, IReadOnlyList<Pupil> Pupils);

    TryPolicy ClassPolicy => TryPolicy.Class(limits.Value.WrongPinsPerClassPerTenMinutes);

    /// <summary>The class of a current code; null for an unknown or retired code (<see cref="IsRetiredCodeAsync"/> tells which).</summary>
    public async Task<ClassForSignIn?> FindClassAsync(string? code, CancellationToken ct)
    {
        var entry = await EntryAsync(code, ct);
        if (entry is null || entry.RetiredAt is not null) return null;
        await using var school = store.QuerySession(entry.SchoolId);
        var schoolClass = await school.LoadAsync<SchoolClass>(entry.ClassId, ct);
        if (schoolClass is null) return null;
        var pupils = await school.Query<Pupil>().Where(p => p.ClassId == entry.ClassId && !p.Erased).ToListAsync(ct);
        return new ClassForSignIn(entry.SchoolId, schoolClass,
            pupils.OrderBy(p => p.FirstName, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.LastInitial).ToList());
    }

    /// <summary>A code the teacher has replaced: a tablet that remembered it is not guessing.</summary>
    public async Task<bool> IsRetiredCodeAsync(string? code, CancellationToken ct) => (await EntryAsync(code, ct))?.RetiredAt is not null;

    async Task<ClassCodeEntry?> EntryAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 20) return null;
        await using var directory = store.QuerySession();
        return await directory.LoadAsync<ClassCodeEntry>(ClassCodes.Normalise(code), ct);
    }

    public async Task<(PinOutcome Outcome, SignedInPupil? Pupil)> TryPinAsync(HttpContext http, ClassForSignIn found, Guid pupilId, IReadOnlyList<string> pictures, CancellationToken ct)
    {
        await using var school = store.QuerySession(found.SchoolId);
        var pupil = await school.LoadAsync<Pupil>(pupilId, ct);
        if (pupil is null || pupil.ClassId != found.Class.Id || pupil.Erased) return (PinOutcome.Unknown, null);
        if (addresses.Blocked(http)) return (PinOutcome.AddressPaused, null);
        if ((await counters.PeekAsync(TryKeys.Class(found.Class.Id), ct))?.IsLocked(clock.GetUtcNow()) == true) return (PinOutcome.ClassPaused, null);

        // Counted before it is checked, so parallel guesses cannot all slip in under the limit.
        var counted = await counters.CountAsync(TryKeys.Pupil(pupil.Id), TryPolicy.Pupil, ct);
        if (!counted.Allowed) return (PinOutcome.LockedOut, null);

        if (!PicturePin.Verify(pupil.Id, pictures, pupil.SignIn.PinHash))
        {
            addresses.Wrong(http);
            var classCounter = await counters.CountWrongAsync(TryKeys.Class(found.Class.Id), ClassPolicy, ct);
            if (counted.WasLast) return (PinOutcome.LockedOut, null);
            return (classCounter.IsLocked(clock.GetUtcNow()) ? PinOutcome.ClassPaused : PinOutcome.WrongPictures, null);
        }
        await counters.SucceededAsync(TryKeys.Pupil(pupil.Id), ct);
        return (PinOutcome.SignedIn, new SignedInPupil(Principals.ForPupil(found.SchoolId, pupil, found.Class), pupil.Preferences));
    }

    /// <summary>A login card signs its pupil straight in; a forged card or one replaced by a newer print does not.</summary>
    public async Task<SignedInPupil?> TryCardAsync(string? secret, CancellationToken ct)
    {
        if (!LoginCards.LooksLikeSecret(secret)) return null;
        await using var directory = store.QuerySession();
        var entry = await directory.LoadAsync<LoginCardEntry>(LoginCards.EntryId(secret!), ct);
        if (entry is null) return null;
        await using var school = store.QuerySession(entry.SchoolId);
        var pupil = await school.LoadAsync<Pupil>(entry.PupilId, ct);
        if (pupil is null || pupil.Erased || pupil.SignIn.CardVersion != entry.CardVersion) return null;
        var schoolClass = await school.LoadAsync<SchoolClass>(pupil.ClassId, ct);
        return schoolClass is null ? null : new SignedInPupil(Principals.ForPupil(entry.SchoolId, pupil, schoolClass), pupil.Preferences);
    }
}
