using Marten;
using Marten.Services.BatchQuerying;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>A pupil as the teacher's pages show them, beside their projected coverage row.</summary>
public sealed record PupilRow(Pupil Pupil, PupilCoverage Coverage);

/// <summary>
/// Queues on a batch the pupils still on roll (of one class, or of the school) with their coverage
/// rows, so a page reads them in the same round trip as everything else it needs. The class comes
/// from the pupil document at read time: a pupil who moves class takes their row with them, and an
/// erased pupil is on neither page.
/// </summary>
public static class ClassRows
{
    public static Func<Task<IReadOnlyList<PupilRow>>> Queue(IBatchedQuery batch, Guid? classId = null)
    {
        var rows = new Dictionary<Guid, PupilCoverage>();
        var query = batch.Query<Pupil>().Include(rows).On(p => p.Id);
        var pupils = (classId is { } id ? query.Where(p => p.ClassId == id && !p.Erased) : query.Where(p => !p.Erased)).ToList();
        return async () => (await pupils).Select(p => new PupilRow(p, rows.GetValueOrDefault(p.Id) ?? PupilCoverage.None(p.Id))).ToList();
    }
}
