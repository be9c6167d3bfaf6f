using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using StopThinkClick.Web.Schools.Settings;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>The school's own address for the app, as configured (docs/operations.md).</summary>
public sealed class PublicAddressOptions
{
    public const string Section = "App";

    /// <summary>e.g. <c>https://esafety.example-school.org.uk</c>. Unset: the address the app listens on (the demo).</summary>
    public string? PublicUrl { get; set; }

    public static bool IsValid(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}

/// <summary>
/// The one address put into links that leave the page — e-mailed password links, the QR codes on
/// login cards and parents' letters, and the join link and QR code the board shows the room.
/// E-mailed and printed links never use the request's Host header: anyone can forge that, and a
/// reset link e-mailed to a member of staff must not point at somebody else's site. Only the board
/// and console, seen in the room, fall back to it when no address is configured.
/// </summary>
public sealed class PublicAddress(IOptions<PublicAddressOptions> options, IServer server, SchoolContexts schools, ILogger<PublicAddress> logger)
{
    string? listening;

    /// <summary>The server's address without a trailing slash, e.g. <c>https://esafety.example-school.org.uk</c>.</summary>
    public string Url => options.Value.PublicUrl is { Length: > 0 } configured ? configured.Trim().TrimEnd('/') : listening ??= Listening();

    public string Of(string path) => Url + path;

    /// <summary>A school's own address (its settings), or the server's when the school has none of its own.</summary>
    public async Task<string> ForSchoolAsync(string schoolId, CancellationToken ct = default) =>
        (await schools.ForAsync(schoolId, ct)).Settings.PublicAddress is { Length: > 0 } own ? own.TrimEnd('/') : Url;

    /// <summary>
    /// The address the board and console tell tablets in the room to open: the school's, else the server's
    /// configured one; without either (a demo), the address the teacher's own browser reached the app by,
    /// since tablets on the same Wi-Fi can reach that where the listening address may be localhost.
    /// </summary>
    public async Task<string> ForTheRoomAsync(HttpRequest request, string schoolId, CancellationToken ct = default) =>
        (await schools.ForAsync(schoolId, ct)).Settings.PublicAddress is { Length: > 0 } own ? own.TrimEnd('/')
        : options.Value.PublicUrl is { Length: > 0 } ? Url : $"{request.Scheme}://{request.Host}";

    /// <summary>The first address Kestrel listens on; a wildcard host ("+", "*", 0.0.0.0) becomes localhost.</summary>
    string Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return "http://localhost";
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "localhost";
            logger.LogWarning("App:PublicUrl is not set, so e-mailed links and printed QR codes point at {Address}; set it to the school's address", uri.Uri.GetLeftPart(UriPartial.Authority));
        }
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section)
            .Validate(o => PublicAddressOptions.IsValid(o.PublicUrl), "App:PublicUrl must be an absolute http(s) address such as https://esafety.example-school.org.uk")
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicAddress>();
    }
}
