using JasperFx;
using Marten;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// A teacher replaces their class code (it was seen by someone it should not have been, or a
/// new term). The old code is kept, retired, so tablets that remembered it are told kindly rather
/// than counted as guessing; every pupil of the class gets a new stamp, so sessions begun on any
/// tablet end too. Login cards are not affected.
/// </summary>
public sealed class ClassCodeChange(IDocumentStore store, SessionStamps stamps, TimeProvider clock)
{
    public async Task<string> ChangeAsync(string schoolId, SchoolClass schoolClass, CancellationToken ct)
    {
        for (var round = 0; ; round++)
        {
            var code = ClassCodes.New();
            await using var session = store.LightweightSession(schoolId);
            // Insert, not store: a new code that happens to be taken (now or retired) is never reused.
            session.Insert(new ClassCodeEntry(code, schoolId, schoolClass.Id));
            var old = await session.LoadAsync<ClassCodeEntry>(ClassCodes.Normalise(schoolClass.ClassCode), ct);
            if (old is not null) session.Store(old with { RetiredAt = clock.GetUtcNow() });
            var current = await session.LoadAsync<SchoolClass>(schoolClass.Id, ct) ?? schoolClass;
            session.Store(current with { ClassCode = code });
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (DocumentAlreadyExistsException) when (round < 10)
            {
                continue;
            }
            var pupils = await session.Query<Pupil>().Where(p => p.ClassId == schoolClass.Id && !p.Erased).Select(p => p.Id).ToListAsync(ct);
            await stamps.RenewPupilsAsync(schoolId, pupils, ct);
            return code;
        }
    }
}
