using System.Security.Cryptography;
using System.Text;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Demo;

/// <summary>
/// Where a planned school's secrets come from: adults' password, two-step keys, picture PINs, login-card
/// secrets and class codes, each derived from one random key (HMAC-SHA256 of the key and what it is for).
/// Nothing secret is fixed in code: the demo makes its key at random when its database is first seeded
/// and keeps it there (<see cref="DemoKey"/>), so every install has logins of its own that stay the same
/// from one start to the next; a test makes a fresh key for each school it plans.
/// </summary>
public sealed class PlanSecrets
{
    readonly byte[] key;

    PlanSecrets(byte[] key, string password) => (this.key, Password) = (key, password);

    /// <summary>Every adult's password in the planned school (the demo prints it; tests sign in with it).</summary>
    public string Password { get; }

    /// <summary>Secrets from a new random key; the password is derived too unless one is given.</summary>
    public static PlanSecrets New(string? password = null) => From(RandomNumberGenerator.GetBytes(32), password);

    public static PlanSecrets From(byte[] key, string? password = null) => new(key, password ?? PasswordFrom(key));

    public string TotpKey(string email) => OtpNet.Base32Encoding.ToString(Bytes("two-step:" + email)[..20]);

    public string CardSecret(Guid pupilId) =>
        Convert.ToBase64String(Bytes("card:" + pupilId)[..24]).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public IReadOnlyList<string> Pin(Guid pupilId, Band band) => PicturePin.Seeded(band, RandomFor("pin:" + pupilId));

    public string ClassCode(Guid classId) => ClassCodes.Seeded(RandomFor("class-code:" + classId));

    /// <summary>Three groups of four letters and digits (about 60 bits), easy to read off a terminal and type.</summary>
    static string PasswordFrom(byte[] key)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var bytes = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("password"));
        var letters = bytes.Take(12).Select(b => alphabet[b % alphabet.Length]).ToArray();
        return $"{new string(letters[..4])}-{new string(letters[4..8])}-{new string(letters[8..])}";
    }

    byte[] Bytes(string purpose) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose));

    Random RandomFor(string purpose) => new(BitConverter.ToInt32(Bytes(purpose)));
}
