using System.Collections.Concurrent;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.TestSupport;

/// <summary>
/// The authenticator app of every test adult who has one: the keys of the schools the tests made,
/// and a code for each sign-in. The app accepts each 30-second code once, so a second sign-in of
/// the same person within the step uses the next step's code (the app accepts one step ahead).
/// </summary>
public static class TwoStepCodes
{
    static readonly ConcurrentDictionary<string, string> Secrets = new(StringComparer.OrdinalIgnoreCase);
    static readonly ConcurrentDictionary<string, long> LastStep = new(StringComparer.OrdinalIgnoreCase);

    public static void Remember(SchoolPlan plan)
    {
        foreach (var adult in plan.Adults.Where(a => a.TotpSecret is not null)) Secrets[adult.Email] = adult.TotpSecret!;
    }

    public static void Remember(string email, string secret) => Secrets[email] = secret;

    public static string? SecretOf(string email) => Secrets.GetValueOrDefault(email);

    /// <summary>A code the app has not accepted yet for this person.</summary>
    public static string NextCode(string email)
    {
        var secret = Secrets[email];
        var now = DateTimeOffset.UtcNow;
        var step = now.ToUnixTimeSeconds() / 30;
        var use = LastStep.AddOrUpdate(email, step, (_, last) => Math.Max(step, last + 1));
        return TwoStepRules.CodeAt(secret, DateTimeOffset.FromUnixTimeSeconds(use * 30));
    }
}
