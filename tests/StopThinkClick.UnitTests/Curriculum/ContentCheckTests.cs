using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;

namespace StopThinkClick.UnitTests.Curriculum;

/// <summary>The content check names the file, the line, what is wrong and how to fix it — for each kind of mistake.</summary>
public sealed class ContentCheckTests
{
    static IReadOnlyList<ContentProblem> Check(string path, string text) => ContentReader.Read(path, text, Samples.Pictures).Problems;

    static ContentProblem Single(string path, string text)
    {
        var problems = Check(path, text);
        problems.Count.ShouldBe(1, string.Join("\n", problems));
        return problems[0];
    }

    [Fact]
    public void The_samples_are_clean()
    {
        Check("content/y3/y3-passwords.md", Samples.Lesson).ShouldBeEmpty();
        Check("content/y3/y3-passwords-quiz.md", Samples.Quiz).ShouldBeEmpty();
        Check("content/y4/y4-gems.md", Samples.Scenario).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_field_is_named_with_its_fix()
    {
        var problem = Single("content/y3/y3-passwords.md", Samples.Lesson.Replace("risks: [conduct]\n", ""));
        problem.File.ShouldBe("content/y3/y3-passwords.md");
        problem.What.ShouldBe("the file has no risks");
        problem.Fix.ShouldContain("risks:");
    }

    [Fact]
    public void An_unknown_band_is_reported_on_its_line()
    {
        var text = Samples.Lesson.Replace("band: Y3", "band: Year 9");
        var problem = Single("content/y3/y3-passwords.md", text);
        problem.Line.ShouldBe(Samples.LineOf(text, "band:"));
        problem.What.ShouldBe("'Year 9' is not a band");
        problem.ToString().ShouldStartWith($"content/y3/y3-passwords.md:{problem.Line}: 'Year 9' is not a band — use EYFS");
    }

    [Fact]
    public void An_unknown_strand_lists_the_real_ones()
    {
        var text = Samples.Lesson.Replace("[privacy-and-security]", "[privacy]");
        var problem = Single("l.md", text);
        problem.Line.ShouldBe(Samples.LineOf(text, "strands:"));
        problem.Fix.ShouldContain("privacy-and-security");
    }

    [Fact]
    public void A_misspelt_setting_is_not_silently_ignored()
    {
        var text = Samples.Lesson.Replace("quiz: y3-passwords-quiz", "quiz: y3-passwords-quiz\nstrand: [online-bullying]");
        var problem = Single("l.md", text);
        problem.Line.ShouldBe(Samples.LineOf(text, "strand:"));
        problem.What.ShouldContain("'strand:' is not a setting");
    }

    [Fact]
    public void A_choice_leading_to_a_missing_scene_is_reported()
    {
        var text = Samples.Scenario.Replace("→ blocked", "→ blokked");
        var problems = Check("s.md", text);
        problems.ShouldContain(p => p.What == "a choice in 'tell-dad' leads to 'blokked', which does not exist" && p.Line == Samples.LineOf(text, "## Scene: tell-dad"));
    }

    [Fact]
    public void A_dead_end_scene_is_reported()
    {
        var text = Samples.Scenario.Replace("- [safe] Block GemKing → blocked\n  Feedback: Blocking stops the messages.\n", "");
        var problems = Check("s.md", text);
        problems.ShouldContain(p => p.What.Contains("dead end") && p.Line == Samples.LineOf(text, "## Scene: tell-dad"));
    }

    [Fact]
    public void A_quiz_option_without_feedback_is_reported_on_the_option()
    {
        var text = Samples.Quiz.Replace("  Feedback: Short words are easy to guess.\n", "");
        var problem = Single("q.md", text);
        problem.Line.ShouldBe(Samples.LineOf(text, "- [ ] dog"));
        problem.What.ShouldBe("the option has no feedback");
        problem.Fix.ShouldContain("Feedback:");
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<div onclick=\"steal()\">Click</div>")]
    [InlineData("A password is <b>like</b> a key.")]
    public void Raw_HTML_or_script_is_refused(string html)
    {
        var text = Samples.Lesson.Replace("A password is like a key.", html);
        var problems = Check("l.md", text);
        problems.ShouldContain(p => p.What == "raw HTML is not allowed in content" && p.Line == Samples.LineOf(text, html));
    }

    [Fact]
    public void A_picture_that_does_not_exist_is_reported()
    {
        var text = Samples.Lesson.Replace("](padlock)", "](padlok)");
        var problem = Single("l.md", text);
        problem.Line.ShouldBe(Samples.LineOf(text, "](padlok)"));
        problem.What.ShouldBe("there is no picture called 'padlok'");
    }

    [Fact]
    public void A_link_to_an_unknown_site_is_refused()
    {
        var text = Samples.Lesson.Replace("A password is like a key.", "Read [this](https://example.com/free-gems).");
        Single("l.md", text).What.ShouldContain("is not allowed");
    }

    [Fact]
    public void A_sentence_too_long_for_the_band_is_flagged()
    {
        var text = Samples.Lesson.Replace("Your password is just for you.", "Your password is just for you and nobody else at all in the whole school.");
        var problem = Single("l.md", text);
        problem.What.ShouldStartWith("this sentence has 15 words, more than 12 for Year 3");
    }

    [Fact]
    public void A_risky_choice_without_a_stop_and_think_is_reported()
    {
        var text = Samples.Scenario.Replace("  Think: Who is GemKing?\n", "").Replace("## Stop and think: offer", "## Scene: offer");
        var problems = Check("s.md", text);
        problems.ShouldContain(p => p.What == "a risky choice has no 'Think:' line");
        problems.ShouldContain(p => p.What.Contains("which is not a stop-and-think scene"));
    }

    [Fact]
    public void An_ending_must_name_a_trusted_adult()
    {
        var problems = Check("s.md", Samples.Scenario.Replace("Trusted adult: Dad", ""));
        problems.ShouldContain(p => p.What == "the ending does not name a trusted adult");
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var text = Samples.Quiz.Replace("band: Y3", "band: Y9").Replace("type: true-false", "type: yes-no").Replace("  Feedback: That's right.\n", "");
        Check("q.md", text).Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void A_lesson_whose_last_step_names_no_trusted_adult_is_reported()
    {
        var problem = Single("l.md", Samples.Lesson.Replace("Tell your teacher if someone knows it.", "Keep it safe."));
        problem.What.ShouldBe("the last step does not say who to tell");
    }

    [Fact]
    public void The_sample_scenario_is_three_decisions_deep()
    {
        var (item, _) = ContentReader.Read("s.md", Samples.Scenario, Samples.Pictures);
        var scenario = item.ShouldBeOfType<Scenario>();
        scenario.Depth.ShouldBe(3);
        scenario.Start.Choices.Single(c => c.Risky).Think!.Plain.ShouldBe("Who is GemKing?");
    }
}
