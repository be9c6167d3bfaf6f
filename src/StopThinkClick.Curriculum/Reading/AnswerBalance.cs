using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// A year group's quizzes should not teach a habit instead of the lesson: if nearly every
/// true/false answer is "True", or the right choose-one answer is nearly always in the same place,
/// children learn to tap it (content review 2026-12, P1 and P2). Pupils see options shuffled, but
/// the board shows them in the file's order, so the files need balancing too. Warnings, per year.
/// </summary>
public static class AnswerBalance
{
    /// <summary>Below this many questions a lopsided count says little.</summary>
    const int AtLeast = 6;

    public static IEnumerable<ContentProblem> Warnings(Catalogue catalogue)
    {
        foreach (var band in Bands.All)
        {
            var quizzes = catalogue.Quizzes.Where(q => q.FirstBand == band).ToList();
            if (quizzes.Count == 0) continue;
            var folder = quizzes[0].SourceFile[..(quizzes[0].SourceFile.LastIndexOf('/') + 1)];

            var trueFalse = quizzes.SelectMany(q => q.Questions).Where(q => q.Type == QuestionType.TrueFalse).ToList();
            var trues = trueFalse.Count(q => q.RightOptions.Any(o => o.Text.Plain.Equals("True", StringComparison.OrdinalIgnoreCase)));
            var most = Math.Max(trues, trueFalse.Count - trues);
            if (trueFalse.Count >= AtLeast && most * 10 > trueFalse.Count * 7)
                yield return new ContentProblem(folder, 1,
                    $"{most} of {band.ShortName()}'s {trueFalse.Count} true/false answers are \"{(trues >= trueFalse.Count - trues ? "True" : "False")}\"",
                    "make about half of them true and half false, so tapping the same answer every time does not score");

            var chooseOne = quizzes.SelectMany(q => q.Questions).Where(q => q.Type == QuestionType.ChooseOne && q.Options.Count >= 3).ToList();
            if (chooseOne.Count < AtLeast) continue;
            var places = chooseOne.GroupBy(q => q.Options.ToList().FindIndex(o => o.Right)).OrderByDescending(g => g.Count()).First();
            if (places.Count() * 10 > chooseOne.Count * 6)
                yield return new ContentProblem(folder, 1,
                    $"in {places.Count()} of {band.ShortName()}'s {chooseOne.Count} choose-one questions the right answer is option {places.Key + 1}",
                    "move the right answer around: first, middle and last about equally often (the board shows options in the file's order)");
        }
    }
}
