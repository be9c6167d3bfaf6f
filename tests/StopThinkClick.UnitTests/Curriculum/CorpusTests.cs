using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;

namespace StopThinkClick.UnitTests.Curriculum;

/// <summary>
/// The real corpus under content/: it passes the content check, and every band has what the
/// curriculum promises schools (six lessons with quizzes, all eight strands, all four risks, the
/// scenarios each age needs, a home guide, and an AUP for pupils and for parents).
/// </summary>
public sealed class CorpusTests
{
    static readonly CatalogueLoader.Result Loaded = CatalogueLoader.Load(ContentFolder());
    static Catalogue Catalogue => Loaded.Catalogue;

    static string ContentFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "content", "README.md"))) return Path.Combine(dir.FullName, "content");
        throw new DirectoryNotFoundException("content/ not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_corpus_passes_the_content_check()
    {
        Loaded.Problems.ShouldBeEmpty(string.Join('\n', Loaded.Problems));
    }

    public static TheoryData<Band> Bands() => [.. Enum.GetValues<Band>()];

    [Fact]
    public void Parents_texts_are_not_measured_for_reading_level_but_every_pupil_file_is()
    {
        Loaded.ReadingLevels.ShouldNotContain(f => f.File.Contains("/guides/") || f.File.EndsWith("/parents.md"));
        var measured = Loaded.ReadingLevels.Select(f => f.File).ToHashSet();
        foreach (var item in Catalogue.Lessons.Cast<ContentItem>().Concat(Catalogue.Quizzes).Concat(Catalogue.Scenarios))
            measured.ShouldContain(item.SourceFile);
    }

    [Fact]
    public void Every_year_group_reads_at_or_below_its_target_level()
    {
        var over = ReadingTargets.Means(Loaded.ReadingLevels).Where(m => !m.Met).Select(m => $"{m.Band}: {m.Mean} > {m.Target}");
        over.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Bands))]
    public void Every_band_has_twelve_lessons_each_with_its_quiz(Band band)
    {
        var lessons = Catalogue.LessonsFor(band).ToList();
        lessons.Count.ShouldBeGreaterThanOrEqualTo(12);
        foreach (var lesson in lessons) Catalogue.Quiz(lesson.QuizId).ShouldNotBeNull($"{lesson.Id} has no quiz");
    }

    [Theory, MemberData(nameof(Bands))]
    public void Every_band_covers_all_eight_strands_and_all_four_risks(Band band)
    {
        var lessons = Catalogue.LessonsFor(band).ToList();
        Strands.All.Except(lessons.SelectMany(l => l.Strands)).ShouldBeEmpty($"strands no {band} lesson teaches");
        var scenarios = Catalogue.ScenariosFor(band).ToList();
        Enum.GetValues<Risk>().Except(lessons.SelectMany(l => l.Risks).Concat(scenarios.SelectMany(s => s.Risks))).ShouldBeEmpty($"risks {band} never meets");
    }

    [Theory, MemberData(nameof(Bands))]
    public void Every_band_has_the_scenarios_its_age_needs(Band band)
    {
        var topics = Catalogue.ScenariosFor(band).Select(s => s.Topic).ToList();
        topics.Count.ShouldBeGreaterThanOrEqualTo(2);
        string[] needed = band == Band.EYFS ? ["tell-a-grown-up"] : ["grooming", "sharing-pictures", "being-kind"];
        needed.Except(topics).ShouldBeEmpty();
    }

    /// <summary>Second edition: at least five stories a year from Year 1 (three in Reception), on four or more topics.</summary>
    [Theory, MemberData(nameof(Bands))]
    public void Every_band_has_enough_stories_on_at_least_four_topics(Band band)
    {
        var stories = Catalogue.ScenariosFor(band).ToList();
        stories.Count.ShouldBeGreaterThanOrEqualTo(band == Band.EYFS ? 3 : 5);
        stories.Select(s => s.Topic).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
    }

    [Theory]
    [InlineData(Band.Y1, Band.Y2)]
    [InlineData(Band.Y3, Band.Y6)]
    public void The_stories_of_each_key_stage_meet_all_four_risks(Band from, Band to)
    {
        var risks = Catalogue.Scenarios.Where(s => s.Bands.Any(b => b >= from && b <= to)).SelectMany(s => s.Risks).ToHashSet();
        Enum.GetValues<Risk>().Except(risks).ShouldBeEmpty();
    }

    /// <summary>A story is a real choice: two different endings, and every stop-and-think offers more than "go back".</summary>
    [Fact]
    public void Every_story_has_two_endings_and_real_alternatives_at_each_stop_and_think()
    {
        foreach (var story in Catalogue.Scenarios)
        {
            story.Scenes.Values.Count(s => s.IsEnding).ShouldBeGreaterThanOrEqualTo(2, story.Id);
            foreach (var scene in story.Scenes.Values.Where(s => s.Kind == SceneKind.StopAndThink))
                scene.Choices.Select(c => c.TargetSceneId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2, $"{story.Id}: {scene.Id}");
        }
    }

    [Fact]
    public void The_charity_is_spelled_Childline_and_teacher_notes_speak_for_no_one_school()
    {
        foreach (var file in Directory.EnumerateFiles(ContentFolder(), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain("ChildLine", Case.Sensitive, file);
            text.ShouldNotContain("our policies", Case.Insensitive, file);
        }
    }

    [Theory, MemberData(nameof(Bands))]
    public void Every_band_has_a_home_guide_and_a_pupil_AUP(Band band)
    {
        Catalogue.GuideFor(band).ShouldNotBeNull();
        Catalogue.PupilAupFor(band).ShouldNotBeNull();
    }

    /// <summary>Policy S1: pupils' work is published only with the pupil's and the parent's permission (review G12).</summary>
    [Fact]
    public void The_parents_AUP_asks_for_photo_video_and_published_work_permission()
    {
        Catalogue.ParentAup!.Permissions.Select(p => p.Id).ShouldBe(["photos-in-school", "photos-on-website", "video-in-school", "work-on-website"], ignoreOrder: true);
        Catalogue.ParentAup.Permissions.Single(p => p.Id == "work-on-website").Question.Plain.ShouldContain("first name");
    }

    /// <summary>Review A2: five promises for Reception, the school-equipment promises grouped for Years 3–4.</summary>
    [Theory]
    [InlineData(Band.EYFS, 5, 5)]
    [InlineData(Band.Y1, 10, 10)]
    [InlineData(Band.Y2, 10, 10)]
    [InlineData(Band.Y3, 10, 12)]
    [InlineData(Band.Y4, 10, 12)]
    [InlineData(Band.Y5, 15, 17)]
    [InlineData(Band.Y6, 15, 17)]
    public void Each_age_signs_a_text_of_its_own_size(Band band, int atLeast, int atMost)
    {
        var aup = Catalogue.PupilAupFor(band)!;
        aup.Promises.Count.ShouldBeInRange(atLeast, atMost, aup.Id);
        Catalogue.Aups.Count(a => a.Audience == AupAudience.Pupils && a.IsFor(band)).ShouldBe(1, $"{band} has one pupils' text");
    }

    /// <summary>
    /// Key stage 2 signs S4's pupil line ("…and I agree to follow it") and fits schools whose Year 3
    /// (or KS1) uses a class login (S1, S3); "private" is always about people online (review A1).
    /// </summary>
    [Theory]
    [InlineData(Band.Y1)]
    [InlineData(Band.Y3)]
    [InlineData(Band.Y5)]
    public void The_pupils_texts_fit_class_logins_keep_the_signing_line_and_say_private_online(Band band)
    {
        var aup = Catalogue.PupilAupFor(band)!;
        var words = string.Join("\n", aup.Promises.Select(p => p.Text.Plain + " " + p.Meaning.Plain));
        words.ShouldContain("class", Case.Insensitive, $"{aup.Id} has no class login");
        if (band >= Band.Y3) aup.Promises[^1].Text.Plain.ShouldEndWith("and I agree to follow it.");
        var aboutAge = aup.Promises.Select(p => p.Text.Plain + " " + p.Meaning.Plain)
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\bage\b") && t.Contains("private", StringComparison.OrdinalIgnoreCase)).ToList();
        aboutAge.ShouldNotBeEmpty();
        aboutAge.ShouldAllBe(t => t.Contains("online", StringComparison.OrdinalIgnoreCase));
    }
}
