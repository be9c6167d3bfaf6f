using System.Security.Claims;
using System.Linq.Expressions;
using Marten;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.Web.Privacy.Retention;

/// <summary>What one run deleted for one school (counts only: a log must not name children).</summary>
public sealed record RetentionReport(string SchoolId, int PupilsErased, int PupilsKeptForSafeguarding, int SignaturesDeleted, int ParentsDeleted, int StaffAccountsDeleted = 0);

/// <summary>
/// Applies each school's retention settings at the clock's "now":
/// pupils whose class left longer ago than the learning-records period are erased (the same
/// <see cref="PupilErasure"/> an admin uses, so what remains is anonymous); signatures older than the
/// AUP period are deleted; parents with no child at the school for the parents' period lose their
/// account and name; encrypted backups older than the server's period are deleted.
/// Safeguarding concerns are never touched: erasure keeps them, and refuses a pupil with an open
/// concern until the safeguarding lead has closed or transferred it — that pupil waits for a later run.
/// </summary>
public sealed class RetentionRun(IDocumentStore store, PupilErasure erasure, TimeProvider clock, Microsoft.Extensions.Options.IOptions<RetentionOptions> options, ILogger<RetentionRun> log)
{
    /// <summary>Who the access record names for an erasure the schedule made: nobody signed in, so no person.</summary>
    static readonly ClaimsPrincipal Schedule = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.Empty.ToString())], "retention-schedule"));

    public async Task RunAllAsync(CancellationToken ct)
    {
        await using var any = store.QuerySession();
        var schools = await any.Query<School>().Where(s => s.AnyTenant()).Select(s => s.Id).ToListAsync(ct);
        foreach (var school in schools)
            await RunForSchoolAsync(school, ct);
        await PruneTryCountersAsync(ct);
        PruneBackups();
    }

    /// <summary>
    /// Counters of wrong PINs, passwords and codes that can no longer change anything — no pause
    /// running and every earlier pause forgiven (<see cref="TryPolicy.ForgiveAfter"/>) — are deleted:
    /// otherwise every pupil and adult who ever slipped would leave a row for ever. Returns how many.
    /// </summary>
    public async Task<int> PruneTryCountersAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TryPolicy.ForgiveAfter;
        Expression<Func<TryCounter, bool>> spent = c => (c.LockedUntil == null || c.LockedUntil < cutoff) && (c.WindowStart == null || c.WindowStart < cutoff);
        await using var session = store.LightweightSession();
        var stale = await session.Query<TryCounter>().Where(spent).CountAsync(ct);
        if (stale == 0) return 0;
        session.DeleteWhere(spent);
        await session.SaveChangesAsync(ct);
        return stale;
    }

    public async Task<RetentionReport> RunForSchoolAsync(string schoolId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession(schoolId);
        var settings = await session.LoadAsync<RetentionSettings>(RetentionSettings.DocumentId, ct) ?? RetentionSettings.Defaults;
        var marks = await session.LoadAsync<RetentionMarks>(RetentionMarks.DocumentId, ct) ?? new RetentionMarks();

        var left = (await session.Query<SchoolClass>().Where(c => c.Left).Select(c => c.Id).ToListAsync(ct)).ToList();
        var classesLeft = RetentionMarks.Update(marks.ClassesLeft, left, now);
        var dueClasses = classesLeft.Where(m => m.Value.AddMonths(settings.LearningRecordsMonthsAfterLeaving) <= now).Select(m => m.Key).ToList();
        var duePupils = dueClasses.Count == 0 ? [] : await session.Query<Pupil>().Where(p => dueClasses.Contains(p.ClassId) && !p.Erased).Select(p => p.Id).ToListAsync(ct);
        int erased = 0, kept = 0;
        foreach (var pupil in duePupils)
        {
            if (await erasure.EraseAsync(schoolId, pupil, Schedule, ct, AccessKind.RetentionErasure) is null) erased++;
            else kept++;
        }

        var signaturesBefore = now.AddMonths(-settings.AupSignatureMonths);
        var signatures = await session.Query<Signature>().Where(s => s.At < signaturesBefore).CountAsync(ct);
        if (signatures > 0) session.DeleteWhere<Signature>(s => s.At < signaturesBefore);

        var parents = await session.Query<Parent>().ToListAsync(ct);
        var childless = RetentionMarks.Update(marks.ParentsWithoutChildren, parents.Where(p => p.ChildIds.Count == 0).Select(p => p.Id), now);
        var dueParents = childless.Where(m => m.Value.AddMonths(settings.ParentAccountMonthsWithoutChildren) <= now).Select(m => m.Key).ToList();
        foreach (var parent in dueParents)
        {
            session.Delete<Parent>(parent);
            session.DeleteWhere<AdultAccount>(a => a.PersonId == parent && a.SchoolId == schoolId);
            childless.Remove(parent);
        }

        // A closed staff account loses its sign-in; the staff record and its name stay, because
        // safeguarding records and the history of the school name who did what.
        var closedStaff = await session.Query<AdultAccount>().Where(a => a.SchoolId == schoolId && a.Deactivated && a.Role != AdultRole.Parent).Select(a => a.PersonId).ToListAsync(ct);
        var staffClosed = RetentionMarks.Update(marks.StaffAccountsClosed, closedStaff, now);
        var dueStaff = staffClosed.Where(m => m.Value.AddMonths(settings.StaffAccountMonthsAfterClosing) <= now).Select(m => m.Key).ToList();
        foreach (var person in dueStaff)
        {
            session.DeleteWhere<AdultAccount>(a => a.PersonId == person && a.SchoolId == schoolId && a.Deactivated);
            staffClosed.Remove(person);
        }

        session.Store(marks with { ClassesLeft = classesLeft, ParentsWithoutChildren = childless, StaffAccountsClosed = staffClosed });
        await session.SaveChangesAsync(ct);

        var report = new RetentionReport(schoolId, erased, kept, signatures, dueParents.Count, dueStaff.Count);
        if (erased + kept + signatures + dueParents.Count + dueStaff.Count > 0)
            log.LogInformation("Retention for school {School}: {Erased} pupils erased, {Kept} kept for an open safeguarding concern, {Signatures} signatures, {Parents} parent accounts and {Staff} closed staff sign-ins deleted",
                schoolId, erased, kept, signatures, dueParents.Count, dueStaff.Count);
        if (kept > 0)
            log.LogWarning("Retention for school {School}: {Kept} leavers still have open safeguarding concerns; their learning records wait until the safeguarding lead closes or transfers them", schoolId, kept);
        return report;
    }

    /// <summary>Deletes encrypted backups (<c>*.age</c>) older than the server's period from the backup folder, if one is named.</summary>
    public int PruneBackups()
    {
        var folder = options.Value.BackupFolder;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder)) return 0;
        var before = clock.GetUtcNow().AddDays(-options.Value.BackupDays).UtcDateTime;
        var old = new DirectoryInfo(folder).GetFiles("*.age").Where(f => f.LastWriteTimeUtc < before).ToList();
        foreach (var file in old) file.Delete();
        if (old.Count > 0) log.LogInformation("Retention: {Count} backups older than {Days} days deleted from {Folder}", old.Count, options.Value.BackupDays, folder);
        return old.Count;
    }
}
