using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Web.Platform.Security;

/// <summary>
/// The certificate that encrypts the sign-in keys stored in the database (<see cref="DatabaseKeyRing"/>),
/// held in a file outside it, readable by its owner alone (mode 600): <c>DataProtection:KeyFile</c>, or by
/// default beside this checkout's private clusters. Made on first start when missing. Several nodes need
/// the same file; losing it only means everyone signs in again (docs/operations.md).
/// </summary>
public static class KeyRingCertificate
{
    static readonly ConcurrentDictionary<string, X509Certificate2> Loaded = new();

    public static string FileFrom(IConfiguration configuration) =>
        configuration["DataProtection:KeyFile"] is { Length: > 0 } file ? Path.GetFullPath(file)
            : Path.Combine(CheckoutClusters.Home(RepoPaths.Root), "sign-in-keys.pfx");

    /// <summary>The certificate in <paramref name="file"/>, made first if the file does not exist yet.</summary>
    public static X509Certificate2 Load(string file) => Loaded.GetOrAdd(file, path =>
    {
        if (!File.Exists(path)) Make(path);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
    });

    static void Make(string path)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=StopThinkClick sign-in keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + "." + Guid.NewGuid().ToString("N")[..8];
        ClusterPasswords.WritePrivateBytes(partial, certificate.Export(X509ContentType.Pfx));
        // Two first starts at once (two nodes, two test runs) keep whichever file was there first.
        try { File.Move(partial, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(partial); }
    }
}
