using System.Security.Cryptography;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// The generated passwords of a private cluster, each in a file beside its data folder that only its
/// owner (root, or the user running the app) can read (mode 600): the app's role's, and the superuser's.
/// PostgreSQL keeps only their scram-sha-256 verifiers; another local user — <c>nobody</c>, a web shell —
/// can neither read the files nor log in without them.
/// </summary>
public sealed class ClusterPasswords(string dataDirectory)
{
    public string AppFile => dataDirectory + ".password";
    public string SuperuserFile => dataDirectory + ".superuser-password";

    public string App => Read(AppFile);
    public string Superuser => Read(SuperuserFile);

    /// <summary>Makes whichever file is missing (a new cluster, or one made before passwords), and returns itself.</summary>
    public ClusterPasswords MadeIfMissing()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!);
        foreach (var file in new[] { AppFile, SuperuserFile })
            if (!File.Exists(file)) WritePrivate(file, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        return this;
    }

    /// <summary>Writes a file readable by its owner alone from the moment it exists (never briefly world-readable), replacing any.</summary>
    public static void WritePrivate(string file, string text)
    {
        var partial = file + ".partial";
        WritePrivateBytes(partial, System.Text.Encoding.UTF8.GetBytes(text + "\n"));
        File.Move(partial, file, overwrite: true);
    }

    /// <summary>A new file (any old one replaced) created with mode 600, so it is never readable by others even for a moment.</summary>
    public static void WritePrivateBytes(string file, byte[] bytes)
    {
        File.Delete(file);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(file, options);
        stream.Write(bytes);
    }

    static string Read(string file) => File.Exists(file)
        ? File.ReadAllText(file).Trim()
        : throw new InvalidOperationException($"The database's password file {file} is missing: stop the app and start it again, and it will be made.");
}
