using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Demo;

/// <summary>A made-up school of the demo: its classes and the seed its children's names come from.</summary>
public sealed record DemoSchool(string Id, string Name, string EmailDomain, IReadOnlyList<ClassSpec> Classes, int Seed);

/// <summary>
/// Two demo schools covering every band. Their classes and children's names are the same on every
/// install (fixed seeds); their logins are not: they come from the demo database's own random key
/// (<see cref="DemoKey"/>), so nobody can work out one install's logins from the source.
/// </summary>
public static class DemoSchools
{
    public static IReadOnlyList<DemoSchool> Schools { get; } =
    [
        new("oakfield", "Oakfield Primary School", "oakfield.demo",
            [new("Reception Robins", Band.EYFS, 24), new("Year 2 Owls", Band.Y2, 26), new("Year 4 Oak", Band.Y4, 27), new("Year 6 Kestrels", Band.Y6, 25)], 2026_01),
        new("riverside", "Riverside C of E Primary School", "riverside.demo",
            [new("Reception Ladybirds", Band.EYFS, 22), new("Year 1 Hedgehogs", Band.Y1, 25), new("Year 3 Willow", Band.Y3, 28), new("Year 5 Maple", Band.Y5, 26)], 2026_02),
    ];

    public static IReadOnlyList<SchoolPlan> Plans(PlanSecrets secrets) =>
        Schools.Select(s => SchoolPlanner.Plan(s.Id, s.Name, s.EmailDomain, s.Classes, s.Seed, secrets)).ToList();

    public static bool IsDemoId(string schoolId) => Schools.Any(s => s.Id == schoolId);

    /// <summary>
    /// An autumn term behind each demo school that has nothing done in it yet (see Term/DemoTerm). Run
    /// once the app has started: the live sessions go through the live pipeline, whose group-commit
    /// writer is a hosted service.
    /// </summary>
    public static async Task WriteTermsAsync(IServiceProvider services, IReadOnlyList<SchoolPlan> plans, CancellationToken ct = default)
    {
        // Side by side: each school has its own seed, so the order of their writes changes nothing shown.
        await Task.WhenAll(plans.Select((plan, i) => Term.DemoTerm.WriteAsync(services, plan, seed: 2026_11 + i, ct)));
    }

    public static string Logins(string baseUrl, IReadOnlyList<SchoolPlan> plans)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"StopThinkClick is running at {baseUrl}");
        text.AppendLine($"Demo logins (every adult's password: {plans[0].Adults[0].Password}; made for this demo database alone)");
        text.AppendLine("  The safeguarding lead, deputy and head need two-step sign-in: add their key to an authenticator app,");
        text.AppendLine("  or run ./stc two-step-code KEY in another terminal for the code to type (each code works once).");
        foreach (var plan in plans)
        {
            text.AppendLine($"  {plan.Name}");
            foreach (var adult in plan.Adults)
                text.AppendLine($"    {adult.Role,-22} {adult.Email}{(adult.TotpSecret is null ? "" : $"   two-step key {adult.TotpSecret}")}");
            foreach (var c in plan.Classes)
            {
                var pupil = c.Pupils[0];
                text.AppendLine($"    {c.Name,-22} class code {c.Code}; e.g. {pupil.DisplayName} taps {string.Join(", ", pupil.Pin)} — or card {baseUrl}{LoginCards.Path(pupil.CardSecret)}");
            }
        }
        return text.ToString();
    }
}
