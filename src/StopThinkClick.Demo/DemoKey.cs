using System.Security.Cryptography;

namespace StopThinkClick.Demo;

/// <summary>
/// The random key a demo database's logins are derived from (<see cref="PlanSecrets"/>), made when the
/// demo is first seeded into it and kept with it: the same logins on every start of that database,
/// different ones on every other, and new ones after <c>--reset</c>.
/// </summary>
public sealed record DemoKey(string Id, string Key)
{
    public const string TheId = "demo";

    public static DemoKey New() => new(TheId, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public PlanSecrets Secrets => PlanSecrets.From(Convert.FromBase64String(Key));
}
