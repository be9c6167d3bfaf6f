using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;

namespace StopThinkClick.UnitTests.Curriculum;

/// <summary>
/// App guides for families: dated, linked from the lessons and stories whose topic happens in the
/// app. A link to a guide that does not exist fails the check; a guide more than six months past
/// its review date is a warning, which stops nothing.
/// </summary>
public sealed class AppGuideTests
{
    static readonly DateOnly Today = new(2026, 12, 7);

    const string Roblox = """
        ---
        kind: app-guide
        title: Roblox
        app: Roblox
        band: [Y1, Y2, Y3, Y4, Y5, Y6]
        minimum-age: none
        age-rating: PEGI 7
        reviewed: 2026-12-01
        ---

        ## What it is
        A place to play games that other people make.

        ## Minimum age
        Roblox's terms set no minimum age.

        ## What can go wrong
        Strangers in chat.

        ## Settings to change
        Turn chat off.

        ## How to report
        Use the Report button.
        """;

    static CatalogueLoader.Result Load(params (string Path, string Text)[] files) =>
        CatalogueLoader.FromTexts(files, Samples.Pictures, Today);

    static string LessonWithApps(string apps) =>
        Samples.Lesson.Replace("quiz: y3-passwords-quiz\n", $"quiz: y3-passwords-quiz\napps: {apps}\n");

    static (string, string)[] WithQuiz(string lesson) =>
        [("content/y3/y3-passwords.md", lesson), ("content/y3/y3-passwords-quiz.md", Samples.Quiz), ("content/guides/apps/roblox.md", Roblox)];

    [Fact]
    public void An_app_guide_is_read_with_its_app_minimum_age_and_review_date()
    {
        var result = Load(("content/guides/apps/roblox.md", Roblox));
        result.Problems.ShouldBeEmpty(string.Join('\n', result.Problems));
        var guide = result.Catalogue.AppGuide("roblox").ShouldNotBeNull();
        (guide.App, guide.MinimumAge, guide.MinimumAgeText, guide.AgeRating, guide.Reviewed).ShouldBe(("Roblox", (int?)null, "No minimum age", "PEGI 7", new DateOnly(2026, 12, 1)));
        guide.Sections.Select(s => s.Heading).ShouldBe(AppGuide.Headings);
        result.Catalogue.AppGuidesFor(Band.Y3).ShouldHaveSingleItem().ShouldBe(guide);
        result.Catalogue.AppGuidesFor(Band.EYFS).ShouldBeEmpty();
    }

    [Fact]
    public void A_lesson_names_the_app_guides_of_its_topic_and_parents_get_them_in_its_order()
    {
        var result = Load(WithQuiz(LessonWithApps("[roblox]")));
        result.Problems.ShouldBeEmpty(string.Join('\n', result.Problems));
        var lesson = result.Catalogue.Lesson("y3-passwords").ShouldNotBeNull();
        lesson.Apps.ShouldBe(["roblox"]);
        result.Catalogue.AppGuidesOf(lesson).Select(a => a.App).ShouldBe(["Roblox"]);
    }

    [Fact]
    public void A_lesson_naming_an_app_guide_that_does_not_exist_fails_the_check_on_its_line()
    {
        var lesson = LessonWithApps("[roblox, fortnight]");
        var result = Load(WithQuiz(lesson));
        var problem = result.Problems.ShouldHaveSingleItem();
        result.Ok.ShouldBeFalse();
        (problem.File, problem.Line, problem.What).ShouldBe(("content/y3/y3-passwords.md", Samples.LineOf(lesson, "apps:"), "the app guide 'fortnight' does not exist"));
        problem.Fix.ShouldContain("roblox");
    }

    [Fact]
    public void A_link_in_a_home_note_to_a_missing_app_guide_or_year_guide_fails_the_check()
    {
        var lesson = Samples.Lesson.Replace("We learned to keep passwords secret.",
            "We learned to keep passwords secret. See [our Roblox guide](/apps/roblox),\n[the WhatsApp guide](/apps/whatsapp) and [the Year 9 guide](/guides/y9).");
        var result = Load(WithQuiz(lesson));
        result.Problems.Select(p => (p.Line, p.What)).ShouldBe([
            (Samples.LineOf(lesson, "[the WhatsApp guide]"), "the app guide 'whatsapp' does not exist"),
            (Samples.LineOf(lesson, "[the WhatsApp guide]"), "there is no home guide at '/guides/y9'"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_story_can_name_app_guides_too()
    {
        var result = Load(("content/y4/y4-gems.md", Samples.Scenario.Replace("topic: grooming\n", "topic: grooming\napps: [minecraft]\n")), ("content/guides/apps/roblox.md", Roblox));
        result.Problems.ShouldHaveSingleItem().What.ShouldBe("the app guide 'minecraft' does not exist");
    }

    [Theory]
    [InlineData("2026-06-08", false)] // six months less a day: still fresh
    [InlineData("2026-06-07", false)] // exactly six months
    [InlineData("2026-06-06", true)]  // a day more than six months
    [InlineData("2025-01-01", true)]
    public void A_guide_more_than_six_months_past_its_review_date_is_a_warning_that_fails_nothing(string reviewed, bool due)
    {
        var text = Roblox.Replace("reviewed: 2026-12-01", $"reviewed: {reviewed}");
        var result = Load(("content/guides/apps/roblox.md", text));
        result.Ok.ShouldBeTrue(string.Join('\n', result.Problems));
        if (!due) { result.Warnings.ShouldBeEmpty(); return; }
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.File, warning.Line).ShouldBe(("content/guides/apps/roblox.md", Samples.LineOf(text, "reviewed:")));
        warning.What.ShouldContain("more than 6 months ago");
        warning.Fix.ShouldContain("set 'reviewed:' to today's date");
    }

    [Fact]
    public void A_year_guide_with_a_review_date_is_held_to_the_same_six_months()
    {
        var guide = """
            ---
            kind: guide
            title: Year 3
            band: Y3
            reviewed: 2026-01-01
            ---
            ## What your child is learning
            a
            ## Talk about it
            b
            ## A family agreement
            c
            ## Settings worth checking
            d
            ## Where to get help
            e
            """;
        var result = Load(("content/guides/y3.md", guide));
        result.Ok.ShouldBeTrue(string.Join('\n', result.Problems));
        result.Catalogue.GuideFor(Band.Y3)!.Reviewed.ShouldBe(new DateOnly(2026, 1, 1));
        result.Warnings.ShouldHaveSingleItem().File.ShouldBe("content/guides/y3.md");
    }

    [Theory]
    [InlineData("reviewed: 2026-12-01\n", "", "the file has no 'reviewed:' date")]
    [InlineData("reviewed: 2026-12-01", "reviewed: 1 December 2026", "'1 December 2026' is not a date")]
    [InlineData("minimum-age: none", "minimum-age: thirteen", "'thirteen' is not a minimum age")]
    [InlineData("app: Roblox\n", "", "the app guide does not name its app")]
    [InlineData("## How to report\nUse the Report button.", "", "an app guide has no '## How to report' part")]
    public void A_mistake_in_an_app_guide_is_named_with_its_fix(string from, string to, string what)
    {
        var result = Load(("content/guides/apps/roblox.md", Roblox.Replace(from, to)));
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.What.ShouldBe(what);
        problem.Fix.Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void A_review_date_in_the_future_is_a_warning_not_a_failure()
    {
        var result = Load(("content/guides/apps/roblox.md", Roblox.Replace("reviewed: 2026-12-01", "reviewed: 2027-12-01")));
        result.Ok.ShouldBeTrue();
        result.Warnings.ShouldHaveSingleItem().What.ShouldBe("the review date 2027-12-01 is in the future");
    }
}
