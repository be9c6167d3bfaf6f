using System.Security.Claims;
using System.Text.Json;
using Marten;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Teachers.SetWork;

namespace StopThinkClick.Web.Privacy;

/// <summary>
/// Everything held about one child, for a subject access request: their profile, class, progress,
/// every event on their stream, what they did in live sessions (answers, votes, promises, "what
/// does this mean?" taps, signatures), signatures, permissions and set work. Every export is
/// recorded (who, when, which child). Safeguarding records are not included: the designated
/// safeguarding lead handles those under the school's own procedure, since disclosing them could
/// put a child at risk — so a "I'm worried" press in a live lesson is left out here too.
/// </summary>
public sealed class SubjectAccessExport(IDocumentStore store, AccessLog access, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]?> ForPupilAsync(string schoolId, Guid pupilId, ClaimsPrincipal by, CancellationToken ct)
    {
        await using var school = store.QuerySession(schoolId);
        var pupil = await school.LoadAsync<Pupil>(pupilId, ct);
        if (pupil is null) return null;
        var schoolClass = await school.LoadAsync<SchoolClass>(pupil.ClassId, ct);
        var events = await school.Events.FetchStreamAsync(pupilId, token: ct);
        var summaries = await school.Query<LiveSessionSummary>().Where(s => s.ClassId == pupil.ClassId).ToListAsync(ct);
        var export = new
        {
            exportedAt = clock.GetUtcNow(),
            school = schoolId,
            about = "Everything StopThinkClick holds about this child. Safeguarding records are kept by the designated safeguarding lead and are not part of this export.",
            profile = new { pupil.Id, pupil.FirstName, pupil.LastInitial, @class = schoolClass?.Name, band = schoolClass?.Band.ToString(), pupil.Preferences, avatar = pupil.AvatarPicture, pupil.Erased },
            signIn = new { hasPicturePin = pupil.SignIn.PinHash.Length > 0, loginCardVersion = pupil.SignIn.CardVersion, note = "PINs and card codes are stored only as hashes." },
            progress = await school.LoadAsync<PupilProgress>(pupilId, ct),
            promisesAndPermissions = await school.LoadAsync<AupRecord>(pupilId, ct),
            events = events.Select(e => new { type = e.EventTypeName, at = e.Timestamp, data = e.Data }),
            signatures = await school.Query<Signature>().Where(s => s.PupilId == pupilId).ToListAsync(ct),
            liveSessions = summaries.Where(s => s.Participants.Contains(pupilId) || s.Absent.Contains(pupilId))
                .Select(s => new { s.Title, s.StartedAt, tookPart = s.Participants.Contains(pupilId), answers = s.Questions.Select(q => q.ByPupil.FirstOrDefault(a => a.PupilId == pupilId)).Where(a => a is not null) }),
            liveSessionEvents = await LiveEventsAsync(school, pupil, ct),
            setWork = await school.Query<WorkSet>().Where(w => w.PupilId == pupilId).ToListAsync(ct),
        };
        await access.RecordAsync(schoolId, by, AccessKind.SubjectAccessExport, ct, pupilId: pupilId);
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }

    /// <summary>What the child did in their class's live sessions, from those sessions' own streams.</summary>
    static async Task<IReadOnlyList<object>> LiveEventsAsync(IQuerySession school, Pupil pupil, CancellationToken ct)
    {
        var sessionIds = await school.Query<LiveSessionCard>().Where(c => c.ClassId == pupil.ClassId).Select(c => c.Id).ToListAsync(ct);
        if (sessionIds.Count == 0) return [];
        var all = await school.Events.QueryAllRawEvents().Where(e => sessionIds.Contains(e.StreamId)).OrderBy(e => e.Sequence).ToListAsync(ct);
        return all.Where(e => About(e.Data, pupil.Id)).Select(e => (object)new { type = e.EventTypeName, at = e.Timestamp, session = e.StreamId, data = e.Data }).ToList();
    }

    static bool About(object data, Guid pupil) => data switch
    {
        PupilJoined e => e.PupilId == pupil,
        PupilLeft e => e.PupilId == pupil,
        LiveAnswerReceived e => e.PupilId == pupil,
        VoteCast e => e.PupilId == pupil,
        MeaningAsked e => e.PupilId == pupil,
        PromiseAffirmed e => e.PupilId == pupil,
        PupilSigned e => e.PupilId == pupil,
        _ => false, // WorryRaised is a safeguarding record: with the lead, not in this export
    };
}
