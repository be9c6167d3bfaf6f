using System.Security.Cryptography;
using System.Text;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// Login cards carry a random secret in their QR code (192 bits: not guessable). Only its SHA-256
/// is stored, so a database copy cannot print cards; printing a new card retires the old one.
/// </summary>
public static class LoginCards
{
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string EntryId(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Path(string secret) => "/card/" + secret;

    public static bool LooksLikeSecret(string? secret) =>
        secret is { Length: 32 } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Class codes such as <c>KTP-482</c>: short enough for a teacher to type once on each tablet,
/// unambiguous letters (no O/0, I/1/L) so that nobody misreads the board.
/// </summary>
public static class ClassCodes
{
    const string Letters = "ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A new code from the cryptographic generator.</summary>
    public static string New() =>
        new string(Enumerable.Range(0, 3).Select(_ => Letters[RandomNumberGenerator.GetInt32(Letters.Length)]).ToArray()) + "-" + RandomNumberGenerator.GetInt32(100, 1000);

    /// <summary>A code from a seeded generator: only for the demo and test schools.</summary>
    public static string Seeded(Random random) =>
        new string(Enumerable.Range(0, 3).Select(_ => Letters[random.Next(Letters.Length)]).ToArray()) + "-" + random.Next(100, 1000);

    /// <summary>
    /// The code as stored (<c>KTP-482</c>) from however a child or teacher typed it: lower case,
    /// spaces, no hyphen or another dash, and an O or I/L where the digits go all still find the class.
    /// </summary>
    public static string Normalise(string code)
    {
        var plain = new string(code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (plain.Length != 6) return code.Trim().ToUpperInvariant().Replace(" ", "").Replace("–", "-");
        var digits = plain[3..].Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return plain[..3] + "-" + digits;
    }
}
