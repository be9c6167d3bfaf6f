using StopThinkClick.Curriculum.Reading;

namespace StopThinkClick.UnitTests.Curriculum;

/// <summary>Review P1/P2: a year whose true/false answers are nearly all one way, or whose right answer sits in one place, gets a warning.</summary>
public sealed class AnswerBalanceTests
{
    static string TrueFalse(bool answer) => $"""
        ## Question: Is this {answer}?
        type: true-false

        - [{(answer ? "x" : " ")}] True
          Feedback: Because.
        - [{(answer ? " " : "x")}] False
          Feedback: Because.

        """;

    static string ChooseOne(int right) => $"""
        ## Question: Which one?
        type: choose-one

        {string.Join("\n", Enumerable.Range(0, 3).Select(i => $"- [{(i == right ? "x" : " ")}] Option {i + 1}\n  Feedback: Because."))}

        """;

    static (string, string) Quiz(int n, params string[] questions) =>
        ($"content/y2/y2-q{n}-quiz.md", "---\nkind: quiz\ntitle: Q\nband: Y2\n---\n\n" + string.Join("\n", questions));

    static IReadOnlyList<ContentProblem> Warnings(params (string, string)[] files)
    {
        var result = CatalogueLoader.FromTexts(files, Samples.Pictures, new DateOnly(2026, 12, 7));
        result.Problems.ShouldBeEmpty(string.Join('\n', result.Problems));
        return result.Warnings;
    }

    [Fact]
    public void A_year_whose_true_false_answers_are_nearly_all_true_gets_a_warning_and_a_balanced_one_does_not()
    {
        var warning = Warnings(Quiz(1, TrueFalse(true), TrueFalse(true), TrueFalse(true)), Quiz(2, TrueFalse(true), TrueFalse(true), TrueFalse(false))).ShouldHaveSingleItem();
        (warning.File, warning.What).ShouldBe(("content/y2/", "5 of Year 2's 6 true/false answers are \"True\""));
        Warnings(Quiz(1, TrueFalse(true), TrueFalse(false), TrueFalse(true)), Quiz(2, TrueFalse(false), TrueFalse(true), TrueFalse(false))).ShouldBeEmpty();
    }

    [Fact]
    public void A_year_whose_right_answer_is_nearly_always_the_middle_option_gets_a_warning()
    {
        var middle = Enumerable.Range(0, 6).Select(_ => ChooseOne(1)).ToArray();
        Warnings(Quiz(1, middle)).ShouldHaveSingleItem().What.ShouldBe("in 6 of Year 2's 6 choose-one questions the right answer is option 2");
        Warnings(Quiz(1, ChooseOne(0), ChooseOne(1), ChooseOne(2), ChooseOne(0), ChooseOne(1), ChooseOne(2))).ShouldBeEmpty();
    }
}
