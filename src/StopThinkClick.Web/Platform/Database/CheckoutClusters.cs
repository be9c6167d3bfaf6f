using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Where a checkout's private clusters live and which port each listens on, so that any number of
/// checkouts on one machine each have their own and never meet.
/// <list type="bullet">
/// <item>As a normal user: under the checkout's <c>.data/</c>, run as that user.</item>
/// <item>As root: under <c>/var/lib/stopthinkclick/&lt;hash of the checkout's real path&gt;/</c>, owned by
/// the <c>postgres</c> user (initdb refuses root, and a checkout in /root or a <c>mktemp -d</c> folder is
/// mode 700, which the postgres user cannot enter). A <c>checkout</c> file there names the checkout.</item>
/// <item>The port is derived from the same hash and the cluster's name: stable, in 16384–32383
/// (below Linux's ephemeral ports), different for each checkout and cluster.</item>
/// </list>
/// </summary>
public static class CheckoutClusters
{
    public const string RootHomes = "/var/lib/stopthinkclick";
    const int FirstPort = 16384, Ports = 16000;

    public static LocalPostgres For(string checkoutRoot, string name, int? port = null) =>
        new(Path.Combine(Home(checkoutRoot), name), port ?? PortFor(checkoutRoot, name));

    /// <summary>The folder that holds this checkout's clusters (made ready for the postgres user when root).</summary>
    public static string Home(string checkoutRoot)
    {
        var home = HomePath(checkoutRoot);
        if (!PostgresTools.RunsAsRoot || OperatingSystem.IsWindows()) return home;
        var real = RealPath(checkoutRoot);
        if (!File.Exists(Path.Combine(home, "checkout")))
        {
            // 755 whatever root's umask: the postgres user must pass through to its own folders inside.
            foreach (var dir in new[] { RootHomes, home })
            {
                Directory.CreateDirectory(dir);
                File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            }
            File.WriteAllText(Path.Combine(home, "checkout"), real + "\n");
        }
        return home;
    }

    public static int PortFor(string checkoutRoot, string name) =>
        FirstPort + (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(RealPath(checkoutRoot) + "\0" + name))) % Ports);

    /// <summary>Every cluster this checkout has made (for <c>./stc stop</c>).</summary>
    public static IEnumerable<LocalPostgres> All(string checkoutRoot)
    {
        var home = HomePath(checkoutRoot);
        if (!Directory.Exists(home)) return [];
        return Directory.GetDirectories(home)
            .Where(d => File.Exists(Path.Combine(d, "PG_VERSION")))
            .Select(d => new LocalPostgres(d, PortFor(checkoutRoot, Path.GetFileName(d))));
    }

    /// <summary>Stops and deletes every cluster of a checkout and its folder (throw-away checkouts in tests).</summary>
    public static void Forget(string checkoutRoot)
    {
        foreach (var cluster in All(checkoutRoot)) cluster.StopIfRunning();
        var home = HomePath(checkoutRoot);
        if (Directory.Exists(home)) Directory.Delete(home, recursive: true);
    }

    /// <summary>The checkout a cluster's data folder belongs to, if it is one of ours.</summary>
    public static string? CheckoutOf(string dataDirectory)
    {
        var parent = Path.GetDirectoryName(dataDirectory.TrimEnd('/'));
        if (parent is null) return null;
        var marker = Path.Combine(parent, "checkout");
        if (Path.GetDirectoryName(parent) == RootHomes && File.Exists(marker))
            return File.ReadAllText(marker).Trim();
        return Path.GetFileName(parent) == ".data" ? Path.GetDirectoryName(parent) : null;
    }

    static string HomePath(string checkoutRoot)
    {
        var real = RealPath(checkoutRoot);
        return PostgresTools.RunsAsRoot ? Path.Combine(RootHomes, Hash(real)) : Path.Combine(real, ".data");
    }

    static string Hash(string realPath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(realPath)))[..12];

    /// <summary>The path with every symbolic link resolved, so two names for one checkout share its clusters.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/');
        var resolved = realpath(full, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return full;
        try { return Marshal.PtrToStringUTF8(resolved) ?? full; }
        finally { free(resolved); }
    }

    [DllImport("libc", SetLastError = true)]
    static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    static extern void free(IntPtr pointer);
}
