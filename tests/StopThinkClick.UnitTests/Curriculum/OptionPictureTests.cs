using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;

namespace StopThinkClick.UnitTests.Curriculum;

/// <summary>Pictures on quiz options (issue 16.5): how a writer adds them and what the check asks of Reception.</summary>
public sealed class OptionPictureTests
{
    static readonly string WithPictures = Samples.Quiz
        .Replace("- [ ] dog\n", "- [ ] dog\n  ![A padlock](padlock)\n")
        .Replace("- [x] PurpleTigerTeacup", "- [x] ![A ninja](ninja) PurpleTigerTeacup");

    static (Quiz? Quiz, IReadOnlyList<ContentProblem> Problems) Read(string text, IReadOnlySet<string>? pictures = null)
    {
        var (item, problems) = ContentReader.Read("content/y3/y3-passwords-quiz.md", text, pictures ?? Samples.Pictures);
        return (item as Quiz, problems);
    }

    [Fact]
    public void An_option_picture_goes_on_its_own_line_under_the_option_or_at_the_start_of_the_option()
    {
        var (quiz, problems) = Read(WithPictures);
        problems.ShouldBeEmpty();
        var options = quiz!.Questions[0].Options;
        options[0].Picture.ShouldBe(new Picture("padlock", "A padlock"));
        options[0].Text.Plain.ShouldBe("dog");
        options[1].Picture.ShouldBe(new Picture("ninja", "A ninja"));
        options[1].Text.Plain.ShouldBe("PurpleTigerTeacup");
    }

    [Fact]
    public void A_Reception_question_needs_a_picture_on_every_option()
    {
        var (_, problems) = Read(WithPictures.Replace("band: Y3", "band: EYFS"));
        // The first question has its pictures; True/False (no tick and cross in this folder) and who-to-tell do not.
        problems.Count.ShouldBe(2);
        problems.ShouldAllBe(p => p.What == "2 of this Reception question's options have no picture" && p.Fix.Contains("![a grandad](grandpa)"));
    }

    [Fact]
    public void True_and_False_get_a_tick_and_a_cross_unless_the_writer_chose_pictures()
    {
        var pictures = new HashSet<string>(Samples.Pictures) { "tick", "cross" };
        var (quiz, _) = Read(Samples.Quiz, pictures);
        quiz!.Questions[1].Options.Select(o => o.Picture?.Name).ShouldBe(["tick", "cross"]);
        quiz.Questions[0].Options.ShouldAllBe(o => o.Picture == null);
    }

    [Fact]
    public void Some_options_with_pictures_and_some_without_is_a_problem()
    {
        var (_, problems) = Read(Samples.Quiz.Replace("- [ ] dog\n", "- [ ] dog\n  ![A padlock](padlock)\n"));
        problems.ShouldHaveSingleItem().What.ShouldBe("some options have a picture and some do not");
    }

    [Fact]
    public void Two_options_of_one_question_cannot_share_a_picture_or_have_two()
    {
        var (_, same) = Read(WithPictures.Replace("![A ninja](ninja)", "![A padlock](padlock)"));
        same.ShouldHaveSingleItem().What.ShouldBe("two options have the same picture 'padlock'");
        var (_, two) = Read(WithPictures.Replace("  ![A padlock](padlock)\n", "  ![A padlock](padlock)\n  ![A ninja](ninja)\n"));
        two.ShouldContain(p => p.What == "an option can have only one picture");
    }
}
