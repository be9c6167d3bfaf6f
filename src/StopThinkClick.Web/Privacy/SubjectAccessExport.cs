using System.Text.Json;
using Marten;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.Teachers.SetWork;

namespace StopThinkClick.Web.Privacy;

/// <summary>
/// Everything held about one child, for a subject access request: their profile, class, progress,
/// every event on their stream, signatures, permissions, live sessions and set work. Safeguarding
/// records are not included: the designated safeguarding lead handles those under the school's
/// own procedure, since disclosing them could put a child at risk.
/// </summary>
public sealed class SubjectAccessExport(IDocumentStore store, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]?> ForPupilAsync(string schoolId, Guid pupilId, CancellationToken ct)
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
            profile = new { pupil.Id, pupil.FirstName, pupil.LastInitial, @class = schoolClass?.Name, band = schoolClass?.Band.ToString(), pupil.Preferences, pupil.Erased },
            signIn = new { hasPicturePin = pupil.SignIn.PinHash.Length > 0, loginCardVersion = pupil.SignIn.CardVersion, note = "PINs and card codes are stored only as hashes." },
            progress = await school.LoadAsync<PupilProgress>(pupilId, ct),
            events = events.Select(e => new { type = e.EventTypeName, at = e.Timestamp, data = e.Data }),
            signatures = await school.Query<Signature>().Where(s => s.PupilId == pupilId).ToListAsync(ct),
            liveSessions = summaries.Where(s => s.Participants.Contains(pupilId) || s.Absent.Contains(pupilId))
                .Select(s => new { s.Title, s.StartedAt, tookPart = s.Participants.Contains(pupilId), answers = s.Questions.Select(q => q.ByPupil.FirstOrDefault(a => a.PupilId == pupilId)).Where(a => a is not null) }),
            setWork = await school.Query<WorkSet>().Where(w => w.PupilId == pupilId).ToListAsync(ct),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }
}
