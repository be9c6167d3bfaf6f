using StopThinkClick.Curriculum.Reading;
using StopThinkClick.UnitTests.Curriculum;
using QuestionType = StopThinkClick.Curriculum.Model.QuestionType;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Live.Summary;
using static StopThinkClick.UnitTests.World;


namespace StopThinkClick.UnitTests.Live;

/// <summary>The teacher's summary names what the class got wrong — never a card that was put in the right box.</summary>
public sealed class SummaryTests
{
    static readonly Guid S = Guid.Parse("5e550000-0000-0000-0000-000000000002");

    const string SortQuiz = """
        ---
        kind: quiz
        title: Tap or ask
        band: Y1
        ---

        ## Question: OK to tap, or ask first?
        type: sort
        labels: OK to tap | Ask first

        - [safe] The pause button in my game
          Feedback: That's fine to tap.
        - [not safe] "Buy more gems!"
          Feedback: Ask first. It could cost real money.
        - [not safe] An advert that pops up
          Feedback: Ask first.
        """;

    static readonly StopThinkClick.Curriculum.Model.Catalogue Catalogue =
        new([ContentReader.Read("content/y1/tap-quiz.md", SortQuiz, Samples.Pictures).Item!], Samples.Pictures);

    [Fact]
    public void The_most_common_wrong_answer_of_a_card_sort_is_a_misplaced_card_never_a_correctly_placed_one()
    {
        var quiz = Catalogue.Quizzes.First(q => q.Questions.Any(x => x.Type == QuestionType.Sort && x.Options.Count(o => o.Right) >= 1 && x.Options.Count(o => !o.Right) >= 1));
        var sort = quiz.Questions.First(x => x.Type == QuestionType.Sort && x.Options.Count(o => o.Right) >= 1 && x.Options.Count(o => !o.Right) >= 1);
        var script = Script.For(LiveKind.Quiz, quiz.Id, Catalogue)!;
        var slide = script.Slides.First(s => s.QuestionId == sort.Id).Index;
        var safe = sort.Options.Where(o => o.Right).Select(o => o.Id).ToList();
        var risky = sort.Options.First(o => !o.Right).Id;
        // Both pupils put every safe card in the safe box (right) and one warning-sign card there too (wrong).
        var events = new List<object>
        {
            new LiveSessionStarted(S, Guid.Empty, Guid.Empty, LiveKind.Quiz, quiz.Id, "123456", [Pupil, Other], Now),
            new PupilJoined(S, Pupil, Now), new PupilJoined(S, Other, Now), new SlideShown(S, slide, null, Now),
            new LiveAnswerReceived(S, Pupil, Guid.CreateVersion7(), sort.Id, [.. safe, risky], false, Now),
            new LiveAnswerReceived(S, Other, Guid.CreateVersion7(), sort.Id, [.. safe, risky], false, Now),
        };
        var summary = Summaries.Of(LiveSessionState.From(events), script, Now);
        var result = summary.Questions.Single(q => q.QuestionId == sort.Id);
        result.CommonWrong.ToList().ShouldBe(new List<string> { risky });
    }
}
