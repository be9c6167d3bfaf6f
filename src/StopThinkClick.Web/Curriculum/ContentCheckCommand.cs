using StopThinkClick.Curriculum.Reading;
using StopThinkClick.Web.Platform;

namespace StopThinkClick.Web.Curriculum;

/// <summary><c>./stc check-content</c>: checks every content file and lists every problem, then exits.</summary>
public static class ContentCheckCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "check-content";

    public static int Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : RepoPaths.Content;
        var result = CatalogueLoader.Load(folder);
        foreach (var problem in result.Problems)
            Console.WriteLine(problem);
        var c = result.Catalogue;
        Console.WriteLine(result.Ok
            ? $"Content OK: {c.Lessons.Count} lessons, {c.Quizzes.Count} quizzes, {c.Scenarios.Count} scenarios, {c.Aups.Count} AUPs, {c.Guides.Count} guides."
            : $"{result.Problems.Count} problem(s) in {result.Problems.Select(p => p.File).Distinct().Count()} file(s).");
        return result.Ok ? 0 : 1;
    }
}
