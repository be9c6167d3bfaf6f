using System.Text.Json;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;
using StopThinkClick.UnitTests.Curriculum;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.UnitTests;

/// <summary>
/// A small catalogue made from the sample files (no disk, no database), and the given/when/then
/// words the decider tests read with: given these events, when this is asked, then these events
/// (or this refusal, and nothing to store).
/// </summary>
public static class World
{
    public const string Aup = """
        ---
        kind: aup
        title: Our online promises
        audience: pupils
        band: [Y3, Y4]
        ---
        We talk about these promises together.

        ## Promise: I keep my password a secret.
        ![A closed padlock](padlock)
        Meaning: Only my grown-ups may know it.

        ## Promise: I tell a grown-up when I'm worried.
        ![A game controller](game-controller)
        Meaning: You are never in trouble for telling.
        """;

    public static readonly Catalogue Catalogue = new(
        new[]
        {
            ("content/y3/y3-passwords.md", Samples.Lesson), ("content/y3/y3-passwords-quiz.md", Samples.Quiz),
            ("content/y4/y4-gems.md", Samples.Scenario), ("content/aup/pupils-test.md", Aup),
        }.Select(f => ContentReader.Read(f.Item1, f.Item2, Samples.Pictures) is { Item: { } item, Problems.Count: 0 } ? item
            : throw new InvalidOperationException($"{f.Item1}: {string.Join("; ", ContentReader.Read(f.Item1, f.Item2, Samples.Pictures).Problems)}")),
        Samples.Pictures);

    public static Lesson Lesson => Catalogue.Lesson("y3-passwords")!;
    public static Quiz Quiz => Catalogue.Quiz("y3-passwords-quiz")!;
    public static Scenario Story => Catalogue.Scenario("y4-gems")!;
    public static AupText Promises => Catalogue.Aup("pupils-test")!;

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Pupil = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Other = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    public static PupilProgress Progress(params object[] events)
    {
        var projection = new PupilProgressProjection();
        var progress = new PupilProgress { Id = Pupil };
        foreach (var e in events) ((dynamic)projection).Apply((dynamic)e, progress);
        return progress;
    }

    public static void ShouldEmit(this Decision decision, params object[] expected)
    {
        decision.Refusal.ShouldBeNull();
        decision.Events.Select(Json).ShouldBe(expected.Select(Json));
    }

    public static void ShouldRefuse(this Decision decision, string why)
    {
        decision.Refusal.ShouldBe(why);
        decision.Events.ShouldBeEmpty("a refusal stores nothing");
    }

    public static void ShouldBeNothing(this Decision decision)
    {
        decision.Refusal.ShouldBeNull();
        decision.Events.ShouldBeEmpty();
    }

    /// <summary>Events hold lists, which records compare by reference: compare what would be stored.</summary>
    static string Json(object e) => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType());
}
