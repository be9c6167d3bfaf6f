using System.Security.Cryptography;
using System.Text;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// Invitation codes such as <c>KTPM-WQRD-4HXC</c>: twelve characters from an alphabet with no look-alikes
/// (about 60 bits, so they cannot be guessed), easy to type from a paper letter.
/// </summary>
public static class Invitations
{
    const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static string NewCode()
    {
        var chars = Enumerable.Range(0, 12).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    public static string Normalise(string code) => new(code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    public static string IdOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code))));
}
