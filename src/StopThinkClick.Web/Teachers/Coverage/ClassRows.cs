using Marten;
using Marten.Services.BatchQuerying;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>A pupil on roll as the teacher's coverage pages need them: who, in which class — nothing of their sign-in.</summary>
public sealed record RosterPupil(Guid Id, Guid ClassId, string FirstName, string LastInitial)
{
    public string DisplayName => $"{FirstName} {LastInitial}.";
}

/// <summary>A pupil as the teacher's pages show them, beside their projected coverage row.</summary>
public sealed record PupilRow(RosterPupil Pupil, PupilCoverage Coverage);

/// <summary>
/// The pupils still on roll (of one class, or of the school) with their coverage rows, queued on the
/// page's own batch so the whole page is one round trip. The class comes from the pupil document at
/// read time: a pupil who moves class takes their row with them, and an erased pupil is on neither
/// page. The rows are chosen by the same roll in SQL (Marten's Include would build a temporary
/// table per query; a second round trip by id cost as much as the rest of the page).
/// </summary>
public sealed class ClassRows
{
    readonly Task<IReadOnlyList<RosterPupil>> pupils;
    readonly Task<IReadOnlyList<PupilCoverage>> rows;

    ClassRows(Task<IReadOnlyList<RosterPupil>> pupils, Task<IReadOnlyList<PupilCoverage>> rows) => (this.pupils, this.rows) = (pupils, rows);

    public static ClassRows Queue(IQuerySession school, IBatchedQuery batch, Guid? classId = null)
    {
        var onRoll = classId is { } id
            ? batch.Query<Pupil>().Where(p => p.ClassId == id && !p.Erased)
            : batch.Query<Pupil>().Where(p => !p.Erased);
        var pupils = onRoll.Select(p => new RosterPupil(p.Id, p.ClassId, p.FirstName, p.LastInitial)).ToList();

        // The same roll as above, written out: user SQL gets no tenant filter from Marten, so it says its own.
        var pupilTable = school.DocumentStore.Options.Schema.For<Pupil>();
        var sameRoll = $"select p.id from {pupilTable} as p where p.tenant_id = ? " +
            "and (p.data ->> 'Erased' is null or CAST(p.data ->> 'Erased' as boolean) = False)" +
            (classId is null ? "" : " and CAST(p.data ->> 'ClassId' as uuid) = ?");
        object[] parameters = classId is { } c ? [school.TenantId, school.TenantId, c] : [school.TenantId, school.TenantId];
        // "= ANY(ARRAY(…))": the roll (by the class index) is read first, then each row by its key. A
        // plain "in (…)" let the planner scan every coverage row of a 3,000-pupil school for one class.
        var rows = batch.Query<PupilCoverage>($"where d.tenant_id = ? and d.id = ANY(ARRAY({sameRoll}))", parameters);
        return new ClassRows(pupils, rows);
    }

    /// <summary>After the batch ran: every pupil on roll with their row (an empty row for one who has done nothing yet).</summary>
    public async Task<IReadOnlyList<PupilRow>> ReadAsync()
    {
        var byPupil = (await rows).ToDictionary(r => r.Id);
        return (await pupils).Select(p => new PupilRow(p, byPupil.GetValueOrDefault(p.Id) ?? PupilCoverage.None(p.Id))).ToList();
    }
}
