using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;

namespace StopThinkClick.UnitTests.Curriculum;

public sealed class ReadingLevelTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("make", 1)]
    [InlineData("table", 2)]
    [InlineData("tablet", 2)]
    [InlineData("liked", 1)]
    [InlineData("wanted", 2)]
    [InlineData("online", 2)]
    [InlineData("grown-up", 2)]
    [InlineData("password", 2)]
    [InlineData("information", 4)]
    [InlineData("happy", 2)]
    [InlineData("Grandma's", 2)]
    public void Syllables_are_counted_as_a_reader_says_them(string word, int syllables) =>
        ReadingTally.SyllablesIn(word).ShouldBe(syllables);

    [Fact]
    public void Short_sentences_of_short_words_score_below_long_sentences_of_long_words()
    {
        var easy = new ReadingTally();
        easy.Add("We use kind words.");
        easy.Add("Tell a grown-up.");
        var hard = new ReadingTally();
        hard.Add("Personal information includes your address, your school and your telephone number, which strangers should never receive.");

        easy.Grade.ShouldBeLessThan(1.0);
        hard.Grade.ShouldBeGreaterThan(10.0);
    }

    [Fact]
    public void The_grade_follows_the_Flesch_Kincaid_formula()
    {
        var tally = new ReadingTally();
        tally.Add("The cat sat on the mat.");  // 6 words, 6 syllables, 1 sentence
        tally.Grade.ShouldBe(0.39 * 6 + 11.8 * 1 - 15.59, 0.001);
    }

    [Fact]
    public void Only_child_facing_words_are_counted_and_a_year_group_over_its_target_is_flagged()
    {
        var easy = new FileReadingLevel("content/y1/a.md", [Band.Y1], 1.0);
        var hard = new FileReadingLevel("content/y1/b.md", [Band.Y1], 3.4);
        var shared = new FileReadingLevel("content/aup/p.md", [Band.EYFS, Band.Y1], 1.2);

        var means = ReadingTargets.Means([easy, hard, shared]);

        var y1 = means.Single(m => m.Band == Band.Y1);
        y1.Files.ShouldBe(3);
        y1.Mean.ShouldBe(1.87, 0.01);
        y1.Met.ShouldBeTrue();
        ReadingTargets.Means([hard]).Single().Met.ShouldBeFalse();
        means.Single(m => m.Band == Band.EYFS).Files.ShouldBe(1);
    }

    [Fact]
    public void A_lesson_is_measured()
    {
        var lesson = ContentReader.ReadFile("content/y3/l.md", Samples.Lesson, Samples.Pictures);
        lesson.Reading.IsEmpty.ShouldBeFalse();
        lesson.Reading.Sentences.ShouldBeGreaterThan(1);
    }
}
