using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Sessions;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.Web.Teachers;

/// <summary>
/// Signing in for one class: printing login cards makes new ones (secrets and PINs are stored only
/// as hashes, so they are shown once, when made, and every old card and open session of the class
/// ends); pupils paused after wrong pictures, whom the teacher can let try again; and the class
/// code, which the teacher can change at any time (tablets that remembered the old one sign out).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LoginCardsPageModel(SchoolSessions sessions, TryCounters counters, SessionStamps stamps, ClassCodeChange codes, PublicAddress address) : PageModel
{
    public sealed record PrintedCard(string Name, string QrDataUri, IReadOnlyList<string> Pin);
    public sealed record PausedPupil(Guid Id, string Name, DateTimeOffset Until);

    public SchoolClass? Class { get; private set; }
    public IReadOnlyList<PrintedCard> Cards { get; private set; } = [];
    public IReadOnlyList<PausedPupil> Paused { get; private set; } = [];
    public IReadOnlyList<Pupil> Pupils { get; private set; } = [];
    public DateTimeOffset? ClassPausedUntil { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct) => await LoadAsync(classId, ct) ? Page() : NotFound();

    /// <param name="pupilId">One pupil who lost their card: only their card and PIN are made new; the class's stay.</param>
    public async Task<IActionResult> OnPostAsync(Guid classId, Guid? pupilId, CancellationToken ct)
    {
        await using var session = sessions.Current();
        Class = await TeacherClasses.OneAsync(session, User, classId, ct);
        if (Class is null) return NotFound();

        var pupils = await session.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct);
        if (pupilId is { } one) pupils = pupils.Where(p => p.Id == one).ToList();
        if (pupils.Count == 0) return NotFound();
        var cards = new List<PrintedCard>();
        var schoolAddress = await address.ForSchoolAsync(sessions.CurrentSchoolId(), ct);
        foreach (var pupil in pupils.OrderBy(p => p.FirstName).ThenBy(p => p.LastInitial))
        {
            var secret = LoginCards.NewSecret();
            var pin = PicturePin.Random(Class.Band);
            var version = pupil.SignIn.CardVersion + 1;
            session.Store(pupil with { SignIn = pupil.SignIn with { CardVersion = version, PinHash = PicturePin.Hash(pupil.Id, pin), PinLength = pin.Count, Stamp = SessionStamps.New() } });
            session.Store(new LoginCardEntry(LoginCards.EntryId(secret), sessions.CurrentSchoolId(), pupil.Id, version));
            cards.Add(new PrintedCard(pupil.DisplayName, QrCodes.DataUri(schoolAddress + LoginCards.Path(secret)), pin));
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (LostRace.Is(e))
        {
            // Cards for the same pupils were printed at the same moment elsewhere (another tab, a
            // colleague): theirs work. Handing out these too would give a child a card that never works.
            await LoadAsync(classId, ct);
            Message = "cards for these pupils were being printed at the same moment somewhere else, so none were made here. The cards printed there are the ones that work; print again here if you need to.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        foreach (var pupil in pupils)
        {
            stamps.Forget(pupil.Id);
            await counters.ClearAsync(TryKeys.Pupil(pupil.Id), ct);
        }
        Cards = cards;
        return Page();
    }

    /// <summary>The teacher lets a paused pupil (or the whole class's PIN sign-in) try again now.</summary>
    public async Task<IActionResult> OnPostClearAsync(Guid classId, Guid? pupilId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        if (pupilId is { } id)
        {
            if (Paused.FirstOrDefault(p => p.Id == id) is not { } pupil) return await DoneAsync(classId, "that pupil can already sign in.", ct);
            await counters.ClearAsync(TryKeys.Pupil(id), ct);
            return await DoneAsync(classId, $"{pupil.Name} can sign in with their pictures again.", ct);
        }
        await counters.ClearAsync(TryKeys.Class(classId), ct);
        return await DoneAsync(classId, "picture sign-in is open again for the class.", ct);
    }

    public async Task<IActionResult> OnPostCodeAsync(Guid classId, CancellationToken ct)
    {
        if (!await LoadAsync(classId, ct)) return NotFound();
        var code = await codes.ChangeAsync(sessions.CurrentSchoolId(), Class!, ct);
        return await DoneAsync(classId, $"the new class code is {code}. Tablets that remembered the old code, and pupils signed in with it, have been signed out.", ct);
    }

    async Task<IActionResult> DoneAsync(Guid classId, string message, CancellationToken ct)
    {
        await LoadAsync(classId, ct);
        Message = message;
        return Page();
    }

    async Task<bool> LoadAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await TeacherClasses.OneAsync(school, User, classId, ct);
        if (Class is null) return false;
        var pupils = await school.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct);
        Pupils = pupils.OrderBy(p => p.FirstName).ThenBy(p => p.LastInitial).ToList();
        var paused = (await counters.PausedAsync(pupils.Select(p => TryKeys.Pupil(p.Id)), ct)).ToDictionary(c => c.Id, c => c.LockedUntil!.Value);
        Paused = pupils.Where(p => paused.ContainsKey(TryKeys.Pupil(p.Id)))
            .Select(p => new PausedPupil(p.Id, p.DisplayName, paused[TryKeys.Pupil(p.Id)])).OrderBy(p => p.Name).ToList();
        ClassPausedUntil = (await counters.PausedAsync([TryKeys.Class(classId)], ct)).FirstOrDefault()?.LockedUntil;
        return true;
    }
}
