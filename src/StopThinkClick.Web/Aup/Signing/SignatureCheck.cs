using System.Text.RegularExpressions;

namespace StopThinkClick.Web.Aup.Signing;

/// <summary>
/// A signature is the pupil's own first name typed, or a finger drawing sent as an SVG path of
/// moves and lines only (so it can be drawn on a certificate without any risk of script).
/// </summary>
public static partial class SignatureCheck
{
    public static string? Problem(string firstName, string? typedName, string? drawnPath)
    {
        var typed = typedName?.Trim();
        if (string.IsNullOrEmpty(typed) && string.IsNullOrEmpty(drawnPath))
            return "Write your name or draw your signature, then press Sign.";
        if (!string.IsNullOrEmpty(typed))
        {
            var first = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('.');
            if (!string.Equals(first, firstName, StringComparison.OrdinalIgnoreCase))
                return "Please write your own name.";
            if (typed.Length > 40) return "That name is too long.";
        }
        if (!string.IsNullOrEmpty(drawnPath) && (drawnPath.Length > Signature.MaxPath || !PathData().IsMatch(drawnPath)))
            return "That drawing could not be saved. Please try again.";
        return null;
    }

    [GeneratedRegex(@"^[ML][0-9 .,ML\-]*$")]
    private static partial Regex PathData();
}
