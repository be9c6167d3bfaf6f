using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Security;

namespace StopThinkClick.IntegrationTests.Security;

/// <summary>
/// The keys that encrypt sign-in cookies were plain XML in the database, so anyone with a copy of it (a
/// dump, a backup and its key, the <c>nobody</c> user on the old built-in cluster) could mint a lead's
/// cookie. Now each is encrypted to a certificate held in a file outside the database.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class KeyRingTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_copy_of_the_database_alone_cannot_read_or_mint_a_sign_in_cookie()
    {
        var school = await app.NewSchoolAsync();
        var client = FormClient.For(app);
        await client.SignInAdultAsync(school.Classes[0].Teacher.Email, school.Classes[0].Teacher.Password);
        var cookie = client.Cookies.GetCookies(new Uri(app.BaseUrl))["stc.signin"]!.Value;

        var stored = await StoredKeysAsync();
        stored.ShouldNotBeEmpty();
        foreach (var key in stored)
        {
            key.Descendants().ShouldContain(e => e.Name.LocalName == "encryptedSecret");
            key.Descendants().ShouldNotContain(e => e.Name.LocalName == "masterKey", "the key's secret is never stored in the clear");
        }

        Unprotect(stored, certificate: false, cookie).ShouldBeNull("the database's keys alone open nothing");
        var ticket = Unprotect(stored, certificate: true, cookie);
        ticket.ShouldNotBeNull("with the certificate from outside the database, the same keys open the cookie (so the test can fail)");
        ticket.Principal.FindFirstValue(SchoolClaims.School).ShouldBe(school.Id);
    }

    async Task<IReadOnlyList<XElement>> StoredKeysAsync()
    {
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("select data->>'Xml' from stc.mt_doc_dataprotectionkey", db);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<XElement>();
        while (await reader.ReadAsync()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    /// <summary>The cookie read as the app reads it, with the stored key XML and (or not) the key file's certificate.</summary>
    static AuthenticationTicket? Unprotect(IReadOnlyList<XElement> stored, bool certificate, string cookie)
    {
        var services = new ServiceCollection().AddLogging();
        var protection = services.AddDataProtection().SetApplicationName("StopThinkClick").DisableAutomaticKeyGeneration();
        if (certificate) protection.UnprotectKeysWithAnyCertificate(KeyRingCertificate.Load(KeyRingCertificate.FileFrom(new ConfigurationBuilder().Build())));
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new Copied(stored));
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", CookieAuthenticationDefaults.AuthenticationScheme, "v2");
        return new TicketDataFormat(protector).Unprotect(cookie);
    }

    sealed class Copied(IReadOnlyList<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => elements;
        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("read-only copy");
    }
}
