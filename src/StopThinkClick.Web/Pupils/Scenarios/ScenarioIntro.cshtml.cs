using Microsoft.AspNetCore.Mvc;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Pupils.Scenarios;

public sealed class ScenarioIntroModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PupilPageModel(catalogue, actions, sessions)
{
    public Scenario? Scenario { get; private set; }

    public async Task<IActionResult> OnGetAsync(string scenarioId, CancellationToken ct)
    {
        Scenario = await OpenAsync<Scenario>(scenarioId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string scenarioId, CancellationToken ct)
    {
        Scenario = await OpenAsync<Scenario>(scenarioId, ct);
        if (Scenario is null) return Page();
        var (_, run) = await Actions.RunAsync(Me, state => ScenarioDecider.Start(state, Scenario, Guid.CreateVersion7(), Me, Actions.Now), ct);
        return Redirect($"/pupil/scenarios/{Scenario.Id}/{run}");
    }
}
