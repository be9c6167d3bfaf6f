using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Scenarios;

/// <summary>
/// The story as it stands: the scene the pupil is at (kept in their progress, so a reload or another
/// tablet shows the same place), the feedback for their last choice, and the choices. A risky
/// choice first goes to the stop-and-think page.
/// </summary>
public sealed class ScenarioPlayModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Scenario? Scenario { get; private set; }
    public ScenarioRun? Run { get; private set; }
    public Scene? Scene { get; private set; }
    public Choice? LastChoice { get; private set; }
    public IReadOnlyList<Choice> PathTaken { get; private set; } = [];
    public IReadOnlyList<Badge> NewBadges { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string scenarioId, Guid runId, string? badges, CancellationToken ct)
    {
        if (!await LoadAsync(scenarioId, runId, ct)) return Page();
        NewBadges = (badges ?? "").Split(',').Where(Progress.HasBadge).Select(Badges.Find).OfType<Badge>().ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostChooseAsync(string scenarioId, Guid runId, string sceneId, string choiceId, CancellationToken ct)
    {
        if (!await LoadAsync(scenarioId, runId, ct)) return Page();
        var decision = await Actions.RunAsync(Me, state => ScenarioDecider.Choose(state, Scenario!, runId, sceneId, choiceId, Me, Actions.Now), ct);
        if (decision.Refused)
        {
            await LoadAsync(scenarioId, runId, ct);
            Problem = decision.Refusal;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var badges = string.Join(",", decision.Events.OfType<BadgeEarned>().Select(b => b.BadgeId));
        return Redirect($"/pupil/scenarios/{scenarioId}/{runId}" + (badges.Length > 0 ? $"?badges={badges}" : ""));
    }

    async Task<bool> LoadAsync(string scenarioId, Guid runId, CancellationToken ct)
    {
        Scenario = await OpenAsync<Scenario>(scenarioId, ct);
        if (Scenario is null) return false;
        Run = Progress.Scenarios.GetValueOrDefault(Scenario.Id)?.Current;
        if (Run is null || Run.Id != runId)
        {
            Refuse("This story is not open any more. Start it again from your lessons.", StatusCodes.Status404NotFound);
            return false;
        }
        Scene = Scenario.Scene(Run.SceneId) ?? Scenario.Start;
        PathTaken = Run.Path.Select(p => Scenario.Scene(p.SceneId)?.Choice(p.ChoiceId)).OfType<Choice>().ToList();
        LastChoice = PathTaken.LastOrDefault();
        return true;
    }
}
