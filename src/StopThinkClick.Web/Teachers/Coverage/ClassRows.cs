using Marten;
using Marten.Services.BatchQuerying;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>A pupil as the teacher's pages show them, beside their projected coverage row.</summary>
public sealed record PupilRow(Pupil Pupil, PupilCoverage Coverage);

/// <summary>
/// The pupils still on roll (of one class, or of the school) with their coverage rows. The class
/// comes from the pupil document at read time: a pupil who moves class takes their row with them,
/// and an erased pupil is on neither page. The pupils are queued on the page's batch; their rows
/// follow by id (a primary-key lookup: cheaper than Marten's Include, which builds a temporary table).
/// </summary>
public static class ClassRows
{
    public static Task<IReadOnlyList<Pupil>> Queue(IBatchedQuery batch, Guid? classId = null) =>
        (classId is { } id ? batch.Query<Pupil>().Where(p => p.ClassId == id && !p.Erased) : batch.Query<Pupil>().Where(p => !p.Erased)).ToList();

    public static async Task<IReadOnlyList<PupilRow>> WithRowsAsync(IQuerySession school, IReadOnlyList<Pupil> pupils, CancellationToken ct)
    {
        var rows = (await school.LoadManyAsync<PupilCoverage>(ct, pupils.Select(p => p.Id))).ToDictionary(r => r.Id);
        return pupils.Select(p => new PupilRow(p, rows.GetValueOrDefault(p.Id) ?? PupilCoverage.None(p.Id))).ToList();
    }
}
