using Marten;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Schools;

public sealed class DemoOptions
{
    public const string Section = "Demo";
    /// <summary>Seed the demo schools when they are missing (the README's run command sets it).</summary>
    public bool Seed { get; set; }
    /// <summary>Delete every event and document first, for a fresh demo.</summary>
    public bool Reset { get; set; }
}

/// <summary>
/// Two demo schools covering every band, made by Bogus from a fixed seed, so that the README's run
/// command always shows the same classes and prints logins that work.
/// </summary>
public static class DemoSchools
{
    public const string Password = "stopthink-demo";

    public static IReadOnlyList<SchoolPlan> Plans { get; } =
    [
        SchoolPlanner.Plan("oakfield", "Oakfield Primary School", "oakfield.demo",
            [new("Reception Robins", Band.EYFS, 24), new("Year 2 Owls", Band.Y2, 26), new("Year 4 Oak", Band.Y4, 27), new("Year 6 Kestrels", Band.Y6, 25)],
            seed: 2026_01, Password),
        SchoolPlanner.Plan("riverside", "Riverside C of E Primary School", "riverside.demo",
            [new("Reception Ladybirds", Band.EYFS, 22), new("Year 1 Hedgehogs", Band.Y1, 25), new("Year 3 Willow", Band.Y3, 28), new("Year 5 Maple", Band.Y5, 26)],
            seed: 2026_02, Password),
    ];

    public static async Task SeedAsync(IDocumentStore store, DemoOptions options, ILogger logger, CancellationToken ct = default)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (options.Reset)
        {
            logger.LogWarning("Resetting: deleting every event and document");
            await store.Advanced.Clean.DeleteAllDocumentsAsync(ct);
            await store.Advanced.Clean.DeleteAllEventDataAsync(ct);
        }
        foreach (var plan in Plans)
        {
            await using var query = store.QuerySession(plan.Id);
            if (await query.LoadAsync<School>(plan.Id, ct) is not null) continue;
            await SchoolSeeder.WriteAsync(store, plan, ct);
            logger.LogInformation("Seeded the demo school {School}", plan.Name);
        }
    }

    /// <summary>
    /// An autumn term behind each demo school that has nothing done in it yet (see Demo/DemoTerm). Run
    /// once the app has started: the live sessions go through the live pipeline, whose group-commit
    /// writer is a hosted service.
    /// </summary>
    public static async Task WriteTermsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        // Side by side: each school has its own seed, so the order of their writes changes nothing shown.
        await Task.WhenAll(Plans.Select((plan, i) => Demo.DemoTerm.WriteAsync(services, plan, seed: 2026_11 + i, ct)));
    }

    public static string Logins(string baseUrl)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"StopThinkClick is running at {baseUrl}");
        text.AppendLine($"Demo logins (every adult's password: {Password})");
        text.AppendLine("  The safeguarding lead, deputy and head need two-step sign-in: add their key to an authenticator app,");
        text.AppendLine("  or run ./stc two-step-code KEY in another terminal for the code to type (each code works once).");
        foreach (var plan in Plans)
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
