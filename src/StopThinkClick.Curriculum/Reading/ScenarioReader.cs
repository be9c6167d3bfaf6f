using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Rendering;

namespace StopThinkClick.Curriculum.Reading;

public static partial class ScenarioReader
{
    static readonly Dictionary<string, ScenarioSetting> Settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["story"] = ScenarioSetting.Story, ["chat"] = ScenarioSetting.Chat, ["messages"] = ScenarioSetting.Messages,
        ["game-chat"] = ScenarioSetting.GameChat, ["video-comments"] = ScenarioSetting.VideoComments, ["email"] = ScenarioSetting.Email,
    };

    public static Scenario Read(FileContext file)
    {
        var p = file.Problems;
        file.ReadCommon();
        var strands = file.ReadStrands();
        var risks = file.ReadRisks();
        var apps = file.ReadApps();

        var topic = file.Front.Text("topic") ?? "";
        if (!ScenarioTopics.All.Contains(topic))
            p.Add(file.Front.LineOf("topic"), topic.Length == 0 ? "the scenario has no topic" : $"'{topic}' is not a scenario topic",
                "use 'topic:' with one of: " + string.Join(", ", ScenarioTopics.All));

        var settingText = file.Front.Text("setting") ?? "";
        if (!Settings.TryGetValue(settingText, out var setting))
            p.Add(file.Front.LineOf("setting"), settingText.Length == 0 ? "the scenario has no setting" : $"'{settingText}' is not a setting",
                "use 'setting:' with one of: " + string.Join(", ", Settings.Keys));

        var characters = ReadCharacters(file);
        var startId = file.Front.Text("start") ?? "";

        var (preamble, sections) = Section.Split(file.Body, p);
        file.RequireNoPreamble(preamble);
        var scenes = new Dictionary<string, Scene>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            SceneKind? kind = section.Label.ToLowerInvariant() switch
            {
                "scene" => SceneKind.Scene,
                "stop and think" => SceneKind.StopAndThink,
                "ending" => SceneKind.Ending,
                _ => null,
            };
            if (kind is null)
            {
                p.Add(section.Heading.Number, $"'## {section.Label}' is not a part of a scenario",
                    "use '## Scene: id', '## Stop and think: id' or '## Ending: id'");
                continue;
            }
            if (!FileContext.IsId(section.Value))
            {
                p.Add(section.Heading.Number, $"'{section.Value}' is not a scene id", "give the scene an id of lowercase words joined by hyphens: '## Scene: in-the-park'");
                continue;
            }
            var scene = ReadScene(file, section, kind.Value, characters);
            if (!scenes.TryAdd(scene.Id, scene))
                p.Add(section.Heading.Number, $"there are two scenes called '{scene.Id}'", "give each scene its own id");
            else lines[scene.Id] = section.Heading.Number;
        }

        if (startId.Length == 0)
            p.Add(2, "the scenario has no start", "add a line 'start: <id of the first scene>' to the front matter");
        else if (!scenes.ContainsKey(startId))
            p.Add(file.Front.LineOf("start"), $"the start scene '{startId}' does not exist", "name one of the '## Scene:' ids in 'start:'");

        var depth = ScenarioGraph.Check(scenes, lines, startId, file, p);
        file.ReportUnknownSettings();
        return new Scenario(file.Id, file.Title, file.Bands, file.Path, strands, risks, topic, setting, startId, characters, scenes, depth) { Apps = apps };
    }

    static List<Character> ReadCharacters(FileContext file)
    {
        var characters = new List<Character>();
        var groups = file.Front.Groups("characters");
        if (groups.Count == 0)
            file.Problems.Add(file.Front.LineOf("characters"), "the scenario has no characters",
                "add 'characters:' with '  - name: Amara' and '    picture: girl-dark' for everyone in the story");
        foreach (var (line, fields) in groups)
        {
            var name = fields.GetValueOrDefault("name") ?? "";
            var pictureName = fields.GetValueOrDefault("picture") ?? "";
            if (name.Length == 0 || pictureName.Length == 0)
            {
                file.Problems.Add(line, "a character needs a name and a picture", "write '  - name: Amara' and '    picture: girl-dark'");
                continue;
            }
            if (Body.CheckedPicture(pictureName, name, line, file.Problems, file.Pictures) is { } picture)
                characters.Add(new Character(name, picture));
        }
        return characters;
    }

    static Scene ReadScene(FileContext file, Section section, SceneKind kind, List<Character> characters)
    {
        var p = file.Problems;
        var body = Body.Parse(section, p, [], itemsStartWith: "- ");
        var picture = body.Picture(p, file.Pictures);
        string? trustedAdult = null;
        var sceneLines = new List<SceneLine>();
        var paragraph = new List<SourceLine>();

        foreach (var line in body.Text)
        {
            var speech = SpeechLine().Match(line.Text);
            var adult = TrustedAdultLine().Match(line.Text);
            if (speech.Success)
            {
                FlushNarration();
                var name = speech.Groups[1].Value.Trim();
                var character = characters.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (character is null)
                    p.Add(line.Number, $"'{name}' speaks but is not in 'characters:'", "add them to the characters in the front matter, or fix the name");
                var words = SafeMarkdown.RenderInline(speech.Groups[2].Value.Trim(), line.Number, p);
                SentenceLength.Check(words, file.Bands, line.Number, p);
                sceneLines.Add(new SceneLine(character?.Name ?? name, words));
            }
            else if (adult.Success)
            {
                FlushNarration();
                trustedAdult = adult.Groups[1].Value.Trim();
                if (kind != SceneKind.Ending)
                    p.Add(line.Number, "'Trusted adult:' belongs in an ending", "move it to the '## Ending:' part");
            }
            else if (line.IsBlank) FlushNarration();
            else paragraph.Add(line);
        }
        FlushNarration();

        var choices = body.Items.Select((item, i) => ReadChoice(file, item, $"c{i + 1}")).ToList();
        if (sceneLines.Count == 0 && picture is null)
            p.Add(section.Heading.Number, "the scene is empty", "write what happens (and what people say) under the heading");
        if (kind == SceneKind.Ending)
        {
            if (choices.Count > 0)
                p.Add(choices.Count > 0 ? body.Items[0].Line.Number : section.Heading.Number, "an ending has no choices",
                    "make it a '## Scene:' if the story goes on, or remove the choices");
            if (string.IsNullOrWhiteSpace(trustedAdult))
                p.Add(section.Heading.Number, "the ending does not name a trusted adult",
                    "add a line 'Trusted adult: Mum' (or the teacher, Grandpa …): every story ends with who to tell");
        }
        else if (choices.Count == 0)
            p.Add(section.Heading.Number, "the scene has no choices, so the story stops here (a dead end)",
                kind == SceneKind.StopAndThink
                    ? "a stop-and-think scene offers a way back: add '- [safe] Go back and choose again → <scene id>'"
                    : "add choices ('- [safe] words → scene-id'), or make it an '## Ending:'");
        return new Scene(section.Value, kind, picture, sceneLines, choices, trustedAdult);

        void FlushNarration()
        {
            if (paragraph.Count == 0) return;
            var text = SafeMarkdown.Render(paragraph, p);
            SentenceLength.Check(text, file.Bands, paragraph[0].Number, p);
            sceneLines.Add(new SceneLine(null, text));
            paragraph = [];
        }
    }

    static Choice ReadChoice(FileContext file, Body.Item item, string id)
    {
        var p = file.Problems;
        var line = item.Line.Number;
        if (item.Mark is not ("safe" or "risky"))
            p.Add(line, "a choice is marked [safe] or [risky]", "start the line with '- [safe] ' or '- [risky] '");
        foreach (var extra in item.Pictures)
            p.Add(extra.Line, "a story choice cannot have a picture", "put the picture on its own line at the top of the scene");

        var arrow = ArrowSplit().Match(item.Text);
        var (words, target) = arrow.Success ? (arrow.Groups[1].Value.Trim(), arrow.Groups[2].Value.Trim()) : (item.Text, "");
        if (!arrow.Success || target.Length == 0)
            p.Add(line, "the choice does not say where it leads", "end the line with '→ scene-id' (or '-> scene-id')");
        var text = SafeMarkdown.RenderInline(words, line, p);
        SentenceLength.Check(text, file.Bands, line, p);

        var feedback = RichText.Empty;
        if (!item.Fields.TryGetValue("Feedback", out var f) || f.Value.Length == 0)
            p.Add(line, "the choice has no feedback", "add a line under it, indented by two spaces: '  Feedback: why this is a good or risky idea'");
        else
        {
            feedback = SafeMarkdown.RenderInline(f.Value, f.Line, p);
            SentenceLength.Check(feedback, file.Bands, f.Line, p);
        }

        RichText? think = null;
        if (item.Fields.TryGetValue("Think", out var t) && t.Value.Length > 0)
        {
            think = SafeMarkdown.RenderInline(t.Value, t.Line, p);
            SentenceLength.Check(think, file.Bands, t.Line, p);
            if (item.Mark != "risky")
                p.Add(t.Line, "only a risky choice has a 'Think:' line", "mark the choice '[risky]', or remove the 'Think:' line");
        }
        else if (item.Mark == "risky")
            p.Add(line, "a risky choice has no 'Think:' line",
                "add '  Think: a question to stop and think about' under it: the child sees it before the risky click");
        return new Choice(id, item.Mark == "risky", text, target, feedback, think);
    }

    [GeneratedRegex(@"^>\s*([^:]{1,40}):\s*(.+)$")]
    private static partial Regex SpeechLine();

    [GeneratedRegex(@"^Trusted adult:\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrustedAdultLine();

    [GeneratedRegex(@"^(.*)(?:→|->)\s*([^\s]*)\s*$")]
    private static partial Regex ArrowSplit();
}
