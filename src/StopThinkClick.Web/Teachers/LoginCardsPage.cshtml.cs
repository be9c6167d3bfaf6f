using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Teachers;

/// <summary>
/// Printing login cards makes new ones: secrets and PINs are stored only as hashes, so they can
/// be shown once, when made. The old card of each pupil stops working at the same moment.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LoginCardsPageModel(SchoolSessions sessions) : PageModel
{
    public sealed record PrintedCard(string Name, string QrDataUri, IReadOnlyList<string> Pin);

    public SchoolClass? Class { get; private set; }
    public IReadOnlyList<PrintedCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Class = await TeacherClasses.OneAsync(school, User, classId, ct);
        return Class is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid classId, CancellationToken ct)
    {
        await using var session = sessions.Current();
        Class = await TeacherClasses.OneAsync(session, User, classId, ct);
        if (Class is null) return NotFound();

        var pupils = await session.Query<Pupil>().Where(p => p.ClassId == classId && !p.Erased).ToListAsync(ct);
        var cards = new List<PrintedCard>();
        foreach (var pupil in pupils.OrderBy(p => p.FirstName).ThenBy(p => p.LastInitial))
        {
            var secret = LoginCards.NewSecret();
            var pin = PicturePin.Random(Class.Band, Random.Shared);
            var version = pupil.SignIn.CardVersion + 1;
            session.Store(pupil with { SignIn = pupil.SignIn with { CardVersion = version, PinHash = PicturePin.Hash(pupil.Id, pin), PinLength = pin.Count, FailedTries = 0, LockedUntil = null } });
            session.Store(new LoginCardEntry(LoginCards.EntryId(secret), sessions.CurrentSchoolId(), pupil.Id, version));
            cards.Add(new PrintedCard(pupil.DisplayName, QrCodes.DataUri($"{Request.Scheme}://{Request.Host}{LoginCards.Path(secret)}"), pin));
        }
        await session.SaveChangesAsync(ct);
        Cards = cards;
        return Page();
    }
}
