using System.Security.Claims;
using Marten;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Teachers.Coverage;
using StopThinkClick.Web.Teachers.SetWork;

namespace StopThinkClick.Web.Privacy;

/// <summary>
/// Erasing a pupil who has left: their name, sign-in, preferences, signatures, own words and
/// progress document go; their id is blanked in every event that names it (Marten event masking)
/// and their own stream is deleted outright (Marten 9's <c>TombstoneStream</c>, a hard delete of
/// the stream row and its events — archiving would keep rows keyed by the child's id); live session
/// summaries keep their counts but not the id. What remains — answers per option, lessons taught —
/// is anonymous. Safeguarding records are never erased here: staff accounts, notes and the concern
/// stream stay with the school. Open concerns stop it unless the lead has sent the child's
/// safeguarding file on (a child protection file follows the child to their next school).
/// </summary>
public sealed class PupilErasure(IDocumentStore store, AccessLog access)
{
    public async Task<string?> EraseAsync(string schoolId, Guid pupilId, ClaimsPrincipal by, CancellationToken ct, AccessKind kind = AccessKind.Erasure)
    {
        // The pupil's record or a parent's links may change meanwhile (a card reprinted, a parent
        // joining): then erase again from the newer state, so nothing written meanwhile survives.
        var (problem, sessionIds) = await LostRace.RetryAsync(5, async () =>
        {
            await using var session = store.LightweightSession(schoolId);
            var staged = await StageAsync(session, pupilId, by, kind, ct);
            if (staged.Problem is null) await session.SaveChangesAsync(ct);
            return staged;
        });
        if (problem is not null) return problem;

        using (ErasureScope.Begin(pupilId))
        {
            await store.Advanced.ApplyEventDataMasking(x =>
            {
                x.ForTenant(schoolId);
                x.IncludeStream(pupilId);
                foreach (var id in sessionIds) x.IncludeStream(id);
            }, ct);
        }

        await using var purge = store.LightweightSession(schoolId);
        purge.Events.TombstoneStream(pupilId);
        await purge.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Stages the first transaction of an erasure; returns why not, or the class's live session ids.</summary>
    async Task<(string? Problem, IReadOnlyList<Guid> SessionIds)> StageAsync(IDocumentSession session, Guid pupilId, ClaimsPrincipal by, AccessKind kind, CancellationToken ct)
    {
        var pupil = await session.LoadAsync<Pupil>(pupilId, ct);
        if (pupil is null || pupil.Erased) return ("this pupil has already been erased.", []);
        var open = await session.Query<Concern>().Where(c => c.PupilId == pupilId && c.Status != ConcernStatus.Closed).ToListAsync(ct);
        var printed = open.Count == 0 ? null : (await session.Query<AccessRecord>()
            .Where(r => r.PupilId == pupilId && r.What == AccessKind.SafeguardingFile).ToListAsync(ct)).Select(r => (DateTimeOffset?)r.At).Max();
        if (!ConcernActivity.FileIsCurrent(open, printed))
            return ($"{pupil.FirstName} has open safeguarding concerns. The safeguarding lead must close them, or print the child's file after the latest one, first.", []);
        var openIds = open.Select(c => c.Id).ToList();

        var sessionIds = await session.Query<LiveSessionCard>().Where(c => c.ClassId == pupil.ClassId).Select(c => c.Id).ToListAsync(ct);
        session.Store(pupil with { FirstName = "Erased", LastInitial = "-", Erased = true, SignIn = new PupilSignIn(), Preferences = new PupilPreferences(), Avatar = null });
        session.DeleteWhere<LoginCardEntry>(e => e.PupilId == pupilId);
        session.DeleteWhere<ParentInvitation>(i => i.PupilId == pupilId);
        session.DeleteWhere<Signature>(s => s.PupilId == pupilId);
        session.DeleteWhere<WorkSet>(w => w.PupilId == pupilId);
        // Only the child's own words, and only on closed concerns: a staff account or note is the school's
        // safeguarding record and stays, and an open concern keeps everything the child said.
        var closedWords = (await session.Query<ConcernText>().Where(t => t.AuthorId == pupilId && t.Author == TextAuthor.Pupil).ToListAsync(ct))
            .Where(t => !openIds.Contains(t.ConcernId));
        foreach (var words in closedWords) session.Delete(words);
        session.Delete<WorryWindow>(pupilId);
        session.Delete<PupilProgress>(pupilId);
        session.Delete<PupilCoverage>(pupilId);
        session.Delete<AupRecord>(pupilId);
        foreach (var parent in await session.Query<Parent>().ToListAsync(ct))
            if (parent.ChildIds.Contains(pupilId))
                session.Store(parent with { ChildIds = parent.ChildIds.Where(c => c != pupilId).ToList() });
        foreach (var summary in await session.LoadManyAsync<LiveSessionSummary>(ct, sessionIds))
            session.Store(Anonymised(summary, pupilId));
        access.Stage(session, by, kind, pupilId: pupilId, detail: $"class {pupil.ClassId}");
        return (null, sessionIds);
    }

    static LiveSessionSummary Anonymised(LiveSessionSummary s, Guid pupil)
    {
        Guid Blank(Guid id) => id == pupil ? Guid.Empty : id;
        return s with
        {
            Participants = s.Participants.Select(Blank).ToList(),
            Absent = s.Absent.Where(p => p != pupil).ToList(),
            WorriedPupils = s.WorriedPupils.Select(Blank).ToList(),
            Questions = s.Questions.Select(q => q with { ByPupil = q.ByPupil.Select(a => a with { PupilId = Blank(a.PupilId) }).ToList() }).ToList(),
        };
    }
}
