using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Scenarios;

/// <summary>Pure decisions for playing a branching story alone: the path is kept, choice by choice.</summary>
public static class ScenarioDecider
{
    public static (Decision Decision, Guid RunId) Start(PupilProgress state, Scenario scenario, Guid newRun, Guid pupil, DateTimeOffset now)
    {
        if (state.Scenarios.TryGetValue(scenario.Id, out var progress) && progress.Current is { Finished: false } current)
            return (Decision.Nothing, current.Id);
        return (Decision.Of(new ScenarioStarted(pupil, scenario.Id, newRun, scenario.StartSceneId, now)), newRun);
    }

    public static Decision Choose(PupilProgress state, Scenario scenario, Guid runId, string sceneId, string choiceId, Guid pupil, DateTimeOffset now)
    {
        var run = state.Scenarios.GetValueOrDefault(scenario.Id)?.Current;
        if (run is null || run.Id != runId) return Decision.Refuse("This story is not open. Start it again to play.");
        if (run.Path.Count > 0 && run.Path[^1].SceneId == sceneId && run.Path[^1].ChoiceId == choiceId && run.SceneId != sceneId)
            return Decision.Nothing; // the same choice again: a double press or a resend
        if (run.Finished) return Decision.Refuse("This story has finished. Start it again to choose differently.");
        if (run.SceneId != sceneId) return Decision.Refuse("The story has moved on. Here is where you are now.");
        var choice = scenario.Scene(sceneId)?.Choice(choiceId);
        if (choice is null) return Decision.Refuse("That choice is not in this part of the story.");

        var events = new List<object> { new ScenarioChoiceMade(pupil, scenario.Id, runId, sceneId, choiceId, choice.Risky, choice.TargetSceneId, now) };
        if (scenario.Scene(choice.TargetSceneId) is { IsEnding: true } ending)
            events.Add(new ScenarioFinished(pupil, scenario.Id, runId, ending.Id, now));
        return new Decision(events);
    }

    /// <summary>The child read the stop-and-think question before a risky choice and went back.</summary>
    public static Decision StopToThink(PupilProgress state, Scenario scenario, Guid runId, string sceneId, string choiceId, Guid pupil, DateTimeOffset now)
    {
        var run = state.Scenarios.GetValueOrDefault(scenario.Id)?.Current;
        if (run is null || run.Id != runId || run.Finished || run.SceneId != sceneId) return Decision.Nothing;
        var choice = scenario.Scene(sceneId)?.Choice(choiceId);
        if (choice is not { Risky: true }) return Decision.Refuse("That choice is not in this part of the story.");
        return Decision.Of(new StoppedToThink(pupil, scenario.Id, runId, sceneId, choiceId, now));
    }
}
