namespace StopThinkClick.Curriculum.Model;

public sealed record Scenario(
    string Id, string Title, IReadOnlyList<Band> Bands, string SourceFile,
    IReadOnlyList<Strand> Strands,
    IReadOnlyList<Risk> Risks,
    string Topic,
    ScenarioSetting Setting,
    string StartSceneId,
    IReadOnlyList<Character> Characters,
    IReadOnlyDictionary<string, Scene> Scenes,
    int Depth) : ContentItem(Id, Title, Bands, SourceFile)
{
    public override ContentKind Kind => ContentKind.Scenario;
    public Scene Start => Scenes[StartSceneId];
    public Scene? Scene(string sceneId) => Scenes.GetValueOrDefault(sceneId);
    public Character? Character(string name) => Characters.FirstOrDefault(c => c.Name == name);
}

public static class ScenarioTopics
{
    public static IReadOnlyList<string> All { get; } =
    [
        "grooming", "sharing-pictures", "being-kind", "tell-a-grown-up", "personal-information",
        "passwords", "fake-news", "in-app-spending", "upsetting-content", "screen-time", "copyright",
        // The topics of 2026 (second edition): made-up pictures, voices and chatbots; live video and
        // voice chat; challenges and hoaxes; hate and extremism; how free apps use your data; age ratings.
        "ai", "live-streaming", "challenges-and-hoaxes", "hate-online", "apps-and-data", "age-ratings",
    ];
}

/// <summary>How a scenario looks: a picture story, or a pretend screen where the risk really happens.</summary>
public enum ScenarioSetting { Story, Chat, Messages, GameChat, VideoComments, Email }

public sealed record Character(string Name, Picture Picture);

public enum SceneKind { Scene, StopAndThink, Ending }

public sealed record Scene(
    string Id, SceneKind Kind, Picture? Picture,
    IReadOnlyList<SceneLine> Lines,
    IReadOnlyList<Choice> Choices,
    string? TrustedAdult)
{
    public bool IsEnding => Kind == SceneKind.Ending;
    public Choice? Choice(string choiceId) => Choices.FirstOrDefault(c => c.Id == choiceId);
}

/// <summary>Narration (Speaker null) or a character's message, shown as a chat bubble in pretend screens.</summary>
public sealed record SceneLine(string? Speaker, RichText Text);

/// <summary>
/// A choice. A risky one carries the stop-and-think question the child sees before the click
/// goes through ("STOP and THINK before they CLICK", one school's core rule).
/// </summary>
public sealed record Choice(string Id, bool Risky, RichText Text, string TargetSceneId, RichText Feedback, RichText? Think);
