using System.Text.RegularExpressions;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// A pupil is known by first name and the initial of their family name, nothing more. Names are
/// letters (any alphabet), spaces, hyphens and apostrophes: "Zoë", "Mary-Jane", "Ó Néill".
/// </summary>
public static partial class PupilNames
{
    public static string? Problem(string? firstName, string? lastInitial)
    {
        var first = firstName?.Trim() ?? "";
        var initial = lastInitial?.Trim().TrimEnd('.') ?? "";
        if (first.Length is 0 or > 30) return "the first name must be 1 to 30 letters long";
        if (!FirstName().IsMatch(first)) return "the first name can only have letters, spaces, hyphens and apostrophes";
        if (initial.Length != 1 || !char.IsLetter(initial[0])) return "the initial must be one letter (the first letter of the family name)";
        return null;
    }

    public static (string First, string Initial) Clean(string firstName, string lastInitial) =>
        (firstName.Trim(), lastInitial.Trim().TrimEnd('.').ToUpperInvariant());

    [GeneratedRegex(@"^\p{L}[\p{L}\p{M} '’\-]*$")]
    private static partial Regex FirstName();
}
