using System.Net;
using System.Net.Sockets;
using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// Behind a proxy the app has been told of (Web:KnownProxies, here 127.0.0.2), with a low adult
/// sign-in limit, so each test sees the per-address limit bite after three requests. Web:BehindProxy
/// is also set, as an older configuration would have it.
/// </summary>
public sealed class ProxyApp : AppOnKestrel
{
    public const string Proxy = "127.0.0.2";

    protected override string Purpose => "proxy";

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        [new("RateLimits:AdultSignInPerMinute", "3"), new("Web:BehindProxy", "true"), new("Web:KnownProxies", Proxy)];

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x address is this machine).</summary>
    public HttpClient From(string source)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
    }
}

[CollectionDefinition(nameof(ProxyCollection))]
public sealed class ProxyCollection : ICollectionFixture<ProxyApp>;

[Collection(nameof(ProxyCollection))]
public sealed class ProxyTrustTests(ProxyApp app)
{
    static async Task<List<HttpStatusCode>> SignInPagesAsync(HttpClient client, IEnumerable<string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task A_client_that_reaches_the_app_directly_cannot_forge_its_address_past_the_limit()
    {
        using var direct = app.From("127.0.0.1");

        var statuses = await SignInPagesAsync(direct, ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]);

        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests, "all four came from 127.0.0.1, whatever they claimed");
    }

    [Fact]
    public async Task The_known_proxy_is_believed_and_addresses_in_one_IPv6_64_share_one_limit()
    {
        using var proxy = app.From(ProxyApp.Proxy);

        var households = await SignInPagesAsync(proxy, ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]);
        var oneNetwork = await SignInPagesAsync(proxy, ["2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:a:b:c:d", "2001:db8:5:6::4"]);

        households.ShouldAllBe(s => s == HttpStatusCode.OK, "four different clients behind the proxy");
        oneNetwork[3].ShouldBe(HttpStatusCode.TooManyRequests, "one /64 is one network, however many addresses it uses");
    }
}
