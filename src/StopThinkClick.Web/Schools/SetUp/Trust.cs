using System.Text.RegularExpressions;

namespace StopThinkClick.Web.Schools.SetUp;

/// <summary>
/// A multi-academy trust (or local authority) hosting several schools on one server. Each school stays
/// its own tenant; the trust only groups them (<see cref="School.TrustId"/>), for the trust-level roles
/// that see across its schools. Looked up before any school is known, so one table for all.
/// </summary>
public sealed record Trust(string Id, string Name);

public static partial class TrustIds
{
    /// <summary>A short id from the trust's name ("Oak Learning Trust" → <c>oak-learning-trust</c>), for <c>./stc school add --trust</c>.</summary>
    public static string From(string name) => NonWord().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');

    public static string? Problem(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 || From(name).Length == 0
            ? "--name: give the trust's name as its schools know it (up to 100 characters), e.g. \"Oak Learning Trust\"."
            : null;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
