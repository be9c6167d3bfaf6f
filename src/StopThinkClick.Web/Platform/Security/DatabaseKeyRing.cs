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
/// and a tablet signed in on one node is recognised by another.
/// </summary>
public sealed record DataProtectionKey(string Id, string Xml);

sealed class DatabaseKeyRing(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // IXmlRepository is synchronous and Marten 9 only reads asynchronously; the key ring is read
        // once at start-up and then cached for hours, so blocking here costs nothing in practice.
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // The key ring is written once in a long while (a new key every 90 days): blocking here is harmless.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class DatabaseKeyRingSetup
{
    public static WebApplicationBuilder AddDatabaseKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts => opts.Schema.For<DataProtectionKey>().SingleTenanted());
        builder.Services.AddDataProtection().SetApplicationName("StopThinkClick");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<IDocumentStore>())));
        return builder;
    }
}
