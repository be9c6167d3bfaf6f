using System.Security.Cryptography;
using System.Text;
using OtpNet;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Web.SignIn.TwoStep;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP, RFC 6238: six digits, 30 seconds), done by
/// Otp.NET rather than by hand. Required for the safeguarding lead, their deputies and school
/// admins — the people who can read worries or manage accounts — and offered to everyone else.
/// </summary>
public static class TwoStepRules
{
    public const string Issuer = "StopThinkClick";
    public const int RecoveryCodeCount = 8;
    const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static bool Required(AdultRole role) => role is AdultRole.SafeguardingLead or AdultRole.DeputySafeguardingLead or AdultRole.SchoolAdmin;

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The otpauth:// address in the set-up QR code (drawn by this app, from its own origin).</summary>
    public static string SetupUri(string secret, string email) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer + ":" + email)}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>The code an app shows at <paramref name="at"/>: for the demo's code command and the tests.</summary>
    public static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>The 30-second step a code belongs to, if it is right now (one step either side, for a slow clock or slow fingers).</summary>
    public static long? MatchingStep(string secret, string? code, DateTimeOffset now)
    {
        code = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6) return null;
        return new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(1, 1)) ? step : null;
    }

    /// <summary>Recovery codes such as <c>KTPM-WQRD</c> (about 40 bits each, single use); only their hashes are kept.</summary>
    public static IReadOnlyList<string> NewRecoveryCodes() =>
        Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var chars = Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
            return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
        }).ToList();

    public static string HashRecoveryCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(new string(code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()))));

    public static bool LooksLikeRecoveryCode(string? code) => code is not null && code.Count(char.IsAsciiLetterOrDigit) == 8 && code.Any(char.IsAsciiLetter);
}
