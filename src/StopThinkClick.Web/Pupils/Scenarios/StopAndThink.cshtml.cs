using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Scenarios;

/// <summary>
/// "STOP and THINK before they CLICK" (St Edmund's policy): before a risky choice goes through, the
/// child sees a question to think about, and can go back — which is stored and celebrated.
/// </summary>
public sealed class StopAndThinkModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Scenario? Scenario { get; private set; }
    public Choice? Choice { get; private set; }
    public Guid RunId { get; private set; }
    public string SceneId { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string scenarioId, Guid runId, string sceneId, string choiceId, CancellationToken ct)
    {
        await LoadAsync(scenarioId, runId, sceneId, choiceId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBackAsync(string scenarioId, Guid runId, string sceneId, string choiceId, CancellationToken ct)
    {
        if (!await LoadAsync(scenarioId, runId, sceneId, choiceId, ct)) return Page();
        var decision = await Actions.RunAsync(Me, state => ScenarioDecider.StopToThink(state, Scenario!, runId, sceneId, choiceId, Me, Actions.Now), ct);
        if (decision.Refused) return Refuse(decision.Refusal!);
        var badges = string.Join(",", decision.Events.OfType<BadgeEarned>().Select(b => b.BadgeId));
        return Redirect($"/pupil/scenarios/{scenarioId}/{runId}" + (badges.Length > 0 ? $"?badges={badges}" : ""));
    }

    async Task<bool> LoadAsync(string scenarioId, Guid runId, string sceneId, string choiceId, CancellationToken ct)
    {
        Scenario = await OpenAsync<Scenario>(scenarioId, ct);
        if (Scenario is null) return false;
        RunId = runId;
        SceneId = sceneId;
        if (Progress.Scenarios.GetValueOrDefault(Scenario.Id)?.Current?.Id != runId)
        {
            Refuse("This story is not open any more. Start it again from your lessons.", StatusCodes.Status404NotFound);
            return false;
        }
        Choice = Scenario.Scene(sceneId)?.Choice(choiceId);
        if (Choice is not { Risky: true })
        {
            Refuse("That choice is not in this story.", StatusCodes.Status404NotFound);
            return false;
        }
        return true;
    }
}
