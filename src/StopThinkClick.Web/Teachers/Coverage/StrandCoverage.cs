using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Teachers.Coverage;

/// <summary>How far one pupil has got in one strand: lessons finished (alone or in class) and how their quizzes went.</summary>
public sealed record StrandCell(int Done, int Available, int? QuizPercent)
{
    public string Level => Done == 0 ? "none" : Done >= Available ? "all" : "some";

    /// <summary>The cell's words, so the heat map reads without colour too.</summary>
    public string Words => Available == 0 ? "n/a" : Done == 0 ? "Not yet" : $"{Done} of {Available}{(QuizPercent is { } q ? $", quiz {q}%" : "")}";
}

/// <summary>The arithmetic of coverage over the projected rows, shared by the class dashboard and the school report.</summary>
public static class StrandCoverage
{
    public static StrandCell Cell(PupilCoverage pupil, Strand strand, IReadOnlyList<Lesson> bandLessons)
    {
        var inStrand = bandLessons.Where(l => l.Strands.Contains(strand)).ToList();
        var done = inStrand.Where(l => pupil.Finished(l.Id)).ToList();
        var scores = done.Select(l => pupil.Quizzes.GetValueOrDefault(l.QuizId)).Where(q => q is { Questions: > 0 })
            .Select(q => 100 * q!.RightFirstTime / q.Questions).ToList();
        return new StrandCell(done.Count, inStrand.Count, scores.Count > 0 ? (int)scores.Average() : null);
    }

    /// <summary>Pupils who finished at least one lesson in the strand, out of all.</summary>
    public static (int Covered, int Pupils) Class(IEnumerable<PupilCoverage> pupils, Strand strand, IReadOnlyList<Lesson> bandLessons)
    {
        var inStrand = bandLessons.Where(l => l.Strands.Contains(strand)).Select(l => l.Id).ToHashSet();
        var list = pupils.ToList();
        return (list.Count(p => p.Lessons.Any(inStrand.Contains)), list.Count);
    }

    /// <summary>
    /// The least-covered strand under 80% and a lesson that teaches it: the report's "teach next",
    /// so a subject lead sees the gap and what fills it on the same page.
    /// </summary>
    public static (Strand Strand, int Percent, Lesson Lesson)? TeachNext(IEnumerable<(Strand Strand, int Covered)> strands, int pupils, IReadOnlyList<Lesson> bandLessons)
    {
        if (pupils == 0) return null;
        return strands.Select(s => (s.Strand, Percent: Percent(s.Covered, pupils), Lesson: bandLessons.FirstOrDefault(l => l.Strands.Contains(s.Strand))))
            .Where(x => x.Percent < 80 && x.Lesson is not null)
            .OrderBy(x => x.Percent).Select(x => ((Strand, int, Lesson)?)(x.Strand, x.Percent, x.Lesson!)).FirstOrDefault();
    }

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}
