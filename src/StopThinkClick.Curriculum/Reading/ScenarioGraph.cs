using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// The shape rules of a branching story: every choice leads somewhere that exists, risky choices
/// lead to a stop-and-think moment, every scene is reachable, every path can reach a safe ending,
/// and the longest path is 3 to 6 decisions.
/// </summary>
public static class ScenarioGraph
{
    public static int Check(IReadOnlyDictionary<string, Scene> scenes, IReadOnlyDictionary<string, int> lines, string startId, FileContext file, Problems p)
    {
        foreach (var scene in scenes.Values)
        {
            foreach (var choice in scene.Choices.Where(c => c.TargetSceneId.Length > 0))
            {
                var line = lines[scene.Id];
                if (!scenes.TryGetValue(choice.TargetSceneId, out var target))
                    p.Add(line, $"a choice in '{scene.Id}' leads to '{choice.TargetSceneId}', which does not exist",
                        "fix the id after the arrow, or add a scene with that id");
                else if (choice.Risky && target.Kind != SceneKind.StopAndThink)
                    p.Add(line, $"the risky choice in '{scene.Id}' leads to '{target.Id}', which is not a stop-and-think scene",
                        $"make '{target.Id}' a '## Stop and think:' scene that calmly shows what could happen and offers a way back");
            }
        }
        if (!scenes.ContainsKey(startId)) return 0;

        var reachable = Reach([startId], id => Next(scenes, id));
        foreach (var scene in scenes.Keys.Where(id => !reachable.Contains(id)))
            p.Add(lines[scene], $"nothing leads to the scene '{scene}'", "add a choice that leads to it, or remove it");

        var endings = scenes.Values.Where(s => s.IsEnding).Select(s => s.Id).ToList();
        if (endings.Count == 0)
            p.Add(file.Front.EndLine, "the scenario has no ending", "add at least one '## Ending: id' with 'Trusted adult:'");
        var canFinish = Reach(endings, id => scenes.Values.Where(s => s.Choices.Any(c => c.TargetSceneId == id)).Select(s => s.Id));
        foreach (var scene in reachable.Where(id => !canFinish.Contains(id) && scenes[id].Choices.Count > 0))
            p.Add(lines[scene], $"from '{scene}' the story can never reach an ending (it goes round in a loop)",
                "give it a choice that leads on towards an ending");

        var depth = LongestPath(scenes, startId);
        if (depth is < 3 or > 6)
            p.Add(lines[startId], $"the longest path through the story has {depth} decisions",
                "a scenario is 3 to 6 decisions deep: add or remove a decision on its longest path");
        return depth;
    }

    static IEnumerable<string> Next(IReadOnlyDictionary<string, Scene> scenes, string id) =>
        scenes.TryGetValue(id, out var s) ? s.Choices.Select(c => c.TargetSceneId).Where(scenes.ContainsKey) : [];

    static HashSet<string> Reach(IEnumerable<string> from, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(from, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
            foreach (var n in next(queue.Dequeue()))
                if (seen.Add(n)) queue.Enqueue(n);
        return seen;
    }

    /// <summary>Decisions on the longest path from the start to an ending that visits no scene twice.</summary>
    static int LongestPath(IReadOnlyDictionary<string, Scene> scenes, string startId)
    {
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        var budget = 200_000;
        return Walk(startId) ?? 0;

        int? Walk(string id)
        {
            if (--budget < 0 || !scenes.TryGetValue(id, out var scene)) return null;
            if (scene.IsEnding) return 0;
            onPath.Add(id);
            int? best = null;
            foreach (var target in scene.Choices.Select(c => c.TargetSceneId).Distinct())
                if (!onPath.Contains(target) && Walk(target) is { } rest)
                    best = Math.Max(best ?? 0, rest + 1);
            onPath.Remove(id);
            return best;
        }
    }
}
