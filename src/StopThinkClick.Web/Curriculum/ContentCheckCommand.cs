using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;
using StopThinkClick.Web.Platform;

namespace StopThinkClick.Web.Curriculum;

/// <summary>
/// <c>./stc check-content</c>: checks every content file and lists every problem, then the reading
/// level of each child-facing file and each year group's mean; fails on a problem or on a year
/// group whose mean is over its target, and warns (without failing) about guides due for review.
/// </summary>
public static class ContentCheckCommand
{
    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : RepoPaths.Content;
        var result = CatalogueLoader.Load(folder);
        foreach (var problem in result.Problems)
            Console.WriteLine(problem);
        // Worth doing soon, but not a reason to stop: a guide past its review date still helps a family.
        foreach (var warning in result.Warnings)
            Console.WriteLine($"{warning.File}:{warning.Line}: warning: {warning.What} — {warning.Fix}");

        var means = ReadingTargets.Means(result.ReadingLevels);
        PrintReadingLevels(result.ReadingLevels, means);

        var c = result.Catalogue;
        Console.WriteLine(result.Ok
            ? $"Content OK: {c.Lessons.Count} lessons, {c.Quizzes.Count} quizzes, {c.Scenarios.Count} scenarios, {c.Aups.Count} AUPs, {c.Guides.Count} guides, {c.AppGuides.Count} app guides" +
              (result.Warnings.Count > 0 ? $" ({result.Warnings.Count} warning(s) above)." : ".")
            : $"{result.Problems.Count} problem(s) in {result.Problems.Select(p => p.File).Distinct().Count()} file(s).");
        var over = means.Where(m => !m.Met).ToList();
        foreach (var m in over)
            Console.WriteLine($"Reading level too high for {m.Band.ShortName()}: mean grade {m.Mean:0.00} is over its target {m.Target:0.0} — " +
                              "use shorter sentences and shorter, everyday words in the files with the highest grades above");
        return result.Ok && over.Count == 0 ? 0 : 1;
    }

    static void PrintReadingLevels(IReadOnlyList<FileReadingLevel> files, IReadOnlyList<ReadingTargets.BandLevel> means)
    {
        Console.WriteLine("Reading level (Flesch–Kincaid grade of the words a child reads), by file:");
        foreach (var group in files.GroupBy(f => f.Bands[0]).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {group.Key.ShortName()}:");
            foreach (var file in group.OrderByDescending(f => f.Grade))
                Console.WriteLine($"    {file.Grade,6:0.00}  {file.File}");
        }
        Console.WriteLine("Reading level by year group (mean of its files; target in brackets):");
        foreach (var m in means)
            Console.WriteLine($"  {m.Band.ShortName(),-10} {m.Mean,5:0.00}  (≤ {m.Target:0.0}, {m.Files} files) {(m.Met ? "ok" : "OVER")}");
    }
}
