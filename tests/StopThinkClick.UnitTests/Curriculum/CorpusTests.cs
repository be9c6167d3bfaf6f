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

    [Fact]
    public void The_parents_AUP_asks_for_photo_and_video_permission()
    {
        Catalogue.ParentAup!.Permissions.Select(p => p.Id).ShouldBe(["photos-in-school", "photos-on-website", "video-in-school"], ignoreOrder: true);
    }
}
