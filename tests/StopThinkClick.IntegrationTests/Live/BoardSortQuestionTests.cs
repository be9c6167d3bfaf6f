using System.Net;
using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;

namespace StopThinkClick.IntegrationTests.Live;

/// <summary>
/// A sort question on the board: the bars count the cards put in the safe box. The board said so by
/// labelling every card "— put in 'Probably fine'", which read as if each card belonged there.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed partial class BoardSortQuestionTests(AppOnKestrel app)
{
    [Fact]
    public async Task The_board_says_once_what_the_bars_count_and_never_labels_a_card_with_a_box_before_the_reveal()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var cls = school.Classes[0];
        var quiz = app.Catalogue().Quizzes.Where(q => q.IsFor(Band.Y3)).First(q => q.Questions.Any(x => x.Type == QuestionType.Sort));
        var sortAt = quiz.Questions.ToList().FindIndex(q => q.Type == QuestionType.Sort);
        var question = quiz.Questions[sortAt];
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        for (var i = 0; i <= sortAt; i++) (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();

        var board = await teacher.GetAsync($"/live/{sessionId}/board");
        board.Status.ShouldBe(HttpStatusCode.OK);
        var text = WebUtility.HtmlDecode(Tags().Replace(board.Body, " "));
        Regex.Matches(text, $"how many put each card in “{Regex.Escape(question.SafeLabel)}”").Count.ShouldBe(1, "said once, above the cards");
        text.ShouldNotContain($"put in “{question.SafeLabel}”", customMessage: "no card is labelled with a box");

        (await console.SendAsync<Ack>("Reveal", sessionId)).Ok.ShouldBeTrue();
        var revealed = WebUtility.HtmlDecode(Tags().Replace((await teacher.GetAsync($"/live/{sessionId}/board")).Body, " "));
        Regex.Matches(revealed, Regex.Escape(question.NotSafeLabel)).Count.ShouldBeGreaterThan(Regex.Matches(text, Regex.Escape(question.NotSafeLabel)).Count,
            "after the reveal each card shows the box it belongs in, in words");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
