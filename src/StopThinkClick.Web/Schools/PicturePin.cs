using System.Security.Cryptography;
using System.Text;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Web.Schools;

/// <summary>
/// A picture PIN: 3–5 taps on twelve friendly pictures, for children who cannot read or type yet
/// (as Purple Mash and Seesaw do). Its strength is the throttling of wrong tries (per pupil, per
/// class, per address: <c>SignIn/Throttle</c>), not the hash: twelve pictures give 1,728 to
/// 248,832 PINs (docs/privacy.md has the figures). It is still stored only as a salted PBKDF2
/// hash, so a copy of the database does not hand out PINs at a glance.
/// </summary>
public static class PicturePin
{
    public static IReadOnlyList<string> Pictures { get; } =
        ["cat", "dog", "rabbit", "fox", "frog", "owl", "apple", "banana", "star", "rocket", "car", "ball"];

    /// <summary>
    /// Reception taps three pictures (a four-year-old holds about three things in mind, and
    /// practises with the card), key stage 1 four, key stage 2 five.
    /// </summary>
    public static int LengthFor(Band band) => band switch
    {
        Band.EYFS => 3,
        Band.Y1 or Band.Y2 => 4,
        _ => 5,
    };

    public static long Combinations(Band band) => (long)Math.Pow(Pictures.Count, LengthFor(band));

    /// <summary>A new PIN from the cryptographic generator: what cards and new pupils get.</summary>
    public static IReadOnlyList<string> Random(Band band) =>
        Enumerable.Range(0, LengthFor(band)).Select(_ => Pictures[RandomNumberGenerator.GetInt32(Pictures.Count)]).ToList();

    /// <summary>A PIN from a seeded generator: only for the demo and test schools, whose PINs must be known in advance.</summary>
    public static IReadOnlyList<string> Seeded(Band band, Random random) =>
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
