using System.Security.Cryptography;
using System.Text;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// A picture PIN: 2–4 taps on twelve friendly pictures, for children who cannot read or type yet
/// (as Purple Mash and Seesaw do). Its strength is the lockout after a few wrong tries, not the
/// hash: twelve pictures give only 144 to 20,736 PINs. It is still stored only as a salted
/// PBKDF2 hash, so a copy of the database does not hand out PINs at a glance.
/// </summary>
public static class PicturePin
{
    public static IReadOnlyList<string> Pictures { get; } =
        ["cat", "dog", "rabbit", "fox", "frog", "owl", "apple", "banana", "star", "rocket", "car", "ball"];

    public const int MaxTries = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(5);

    /// <summary>Reception taps two pictures, key stage 1 three, key stage 2 four.</summary>
    public static int LengthFor(Band band) => band switch
    {
        Band.EYFS => 2,
        Band.Y1 or Band.Y2 => 3,
        _ => 4,
    };

    public static IReadOnlyList<string> Random(Band band, Random random) =>
        Enumerable.Range(0, LengthFor(band)).Select(_ => Pictures[random.Next(Pictures.Count)]).ToList();

    public static string Hash(Guid pupilId, IEnumerable<string> pictures)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return "v1." + Convert.ToBase64String(salt) + "." + Convert.ToBase64String(Derive(pupilId, pictures, salt));
    }

    public static bool Verify(Guid pupilId, IEnumerable<string> pictures, string hash)
    {
        var parts = hash.Split('.');
        if (parts.Length != 3 || parts[0] != "v1") return false;
        var expected = Convert.FromBase64String(parts[2]);
        return CryptographicOperations.FixedTimeEquals(expected, Derive(pupilId, pictures, Convert.FromBase64String(parts[1])));
    }

    static byte[] Derive(Guid pupilId, IEnumerable<string> pictures, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pupilId.ToString("N") + ":" + string.Join(",", pictures)), salt, 10_000, HashAlgorithmName.SHA256, 32);
}
