using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace StopThinkClick.Web.Platform.Security;

/// <summary>
/// The keys that encrypt sign-in cookies, kept in the database rather than on one server's disk:
/// a restart, a redeploy or a second app node all read the same keys, so nobody is signed out
/// and a tablet signed in on one node is recognised by another. Each key is stored encrypted to the
/// certificate in <see cref="KeyRingCertificate"/>, which lives outside the database: a copy of the
/// database alone (a dump, a stolen backup and its key) cannot mint anyone's sign-in.
/// </summary>
public sealed record DataProtectionKey(string Id, string Xml);

sealed class DatabaseKeyRing(IDocumentStore store, ILogger<DatabaseKeyRing> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // IXmlRepository is synchronous and Marten 9 only reads asynchronously; the key ring is read
        // once at start-up and then cached for hours, so blocking here costs nothing in practice.
        using var session = store.QuerySession();
        var rows = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        var elements = rows.Select(k => (Row: k, Element: XElement.Parse(k.Xml))).ToList();
        var open = elements.Where(e => Unencrypted(e.Element)).ToList();
        if (open.Count > 0) Forget(open.Select(e => e.Row));
        return elements.Except(open).Select(e => e.Element).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // The key ring is written once in a long while (a new key every 90 days): blocking here is harmless.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }

    /// <summary>A key written before keys were encrypted: its secret is readable by anyone with the database.</summary>
    static bool Unencrypted(XElement element) =>
        element.Name.LocalName == "key" && !element.Descendants().Any(e => e.Name.LocalName == "encryptedSecret");

    /// <summary>
    /// Deleted, not used: while it stays in the database a copy of it forges cookies. Everyone signed in
    /// with it signs in again, once (docs/operations.md).
    /// </summary>
    void Forget(IEnumerable<DataProtectionKey> keys)
    {
        using var session = store.LightweightSession();
        foreach (var key in keys) session.Delete(key);
        session.SaveChangesAsync().GetAwaiter().GetResult();
        logger.LogWarning("Deleted the sign-in keys stored unencrypted by an earlier version; everyone signs in again once");
    }
}

public static class DatabaseKeyRingSetup
{
    public static WebApplicationBuilder AddDatabaseKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts => opts.Schema.For<DataProtectionKey>().SingleTenanted());
        builder.Services.AddDataProtection().SetApplicationName("StopThinkClick")
            .ProtectKeysWithCertificate(KeyRingCertificate.Load(KeyRingCertificate.FileFrom(builder.Configuration)));
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<IDocumentStore>(),
                sp.GetRequiredService<ILogger<DatabaseKeyRing>>())));
        return builder;
    }
}
