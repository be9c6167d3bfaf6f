using System.Security.Claims;
using Marten;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn;

public enum PinOutcome { SignedIn, WrongPictures, LockedOut, Unknown }

/// <summary>A signed-in pupil and their remembered display preferences (font, text size).</summary>
public sealed record SignedInPupil(ClaimsPrincipal User, PupilPreferences Preferences);

/// <summary>
/// Pupils sign in without e-mail or typing: a login card's QR code, or class code → their name →
/// their picture PIN. Five wrong PINs pause that pupil for five minutes (the teacher can help).
/// </summary>
public sealed class PupilSignInService(IDocumentStore store, TimeProvider clock)
{
    public sealed record ClassForSignIn(string SchoolId, SchoolClass Class, IReadOnlyList<Pupil> Pupils);

    public async Task<ClassForSignIn?> FindClassAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 20) return null;
        await using var directory = store.QuerySession();
        var entry = await directory.LoadAsync<ClassCodeEntry>(ClassCodes.Normalise(code), ct);
        if (entry is null) return null;
        await using var school = store.QuerySession(entry.SchoolId);
        var schoolClass = await school.LoadAsync<SchoolClass>(entry.ClassId, ct);
        if (schoolClass is null) return null;
        var pupils = await school.Query<Pupil>().Where(p => p.ClassId == entry.ClassId && !p.Erased).ToListAsync(ct);
        return new ClassForSignIn(entry.SchoolId, schoolClass,
            pupils.OrderBy(p => p.FirstName, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.LastInitial).ToList());
    }

    public async Task<(PinOutcome Outcome, SignedInPupil? Pupil)> TryPinAsync(ClassForSignIn found, Guid pupilId, IReadOnlyList<string> pictures, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession(found.SchoolId);
        var pupil = await session.LoadAsync<Pupil>(pupilId, ct);
        if (pupil is null || pupil.ClassId != found.Class.Id || pupil.Erased) return (PinOutcome.Unknown, null);
        if (pupil.SignIn.LockedUntil > now) return (PinOutcome.LockedOut, null);

        if (!PicturePin.Verify(pupil.Id, pictures, pupil.SignIn.PinHash))
        {
            var tries = pupil.SignIn.FailedTries + 1;
            var locked = tries >= PicturePin.MaxTries;
            session.Store(pupil with { SignIn = pupil.SignIn with { FailedTries = locked ? 0 : tries, LockedUntil = locked ? now + PicturePin.Lockout : null } });
            await session.SaveChangesAsync(ct);
            return (locked ? PinOutcome.LockedOut : PinOutcome.WrongPictures, null);
        }
        if (pupil.SignIn.FailedTries > 0)
        {
            session.Store(pupil with { SignIn = pupil.SignIn with { FailedTries = 0, LockedUntil = null } });
            await session.SaveChangesAsync(ct);
        }
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
