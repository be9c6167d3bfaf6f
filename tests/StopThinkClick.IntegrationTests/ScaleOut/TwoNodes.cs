using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.ScaleOut;

/// <summary>
/// Two app processes on one PostgreSQL, joined by a private redis-server — what docs/operations.md
/// asks of a two-node school. <c>STC_TEST_SCALEOUT=off</c> starts them without Redis, to see each
/// two-node test fail when the switch is off.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    LocalRedis? redis;
    public ExternalApp A { get; private set; } = null!;
    public ExternalApp B { get; private set; } = null!;

    public static bool SwitchedOff => Environment.GetEnvironmentVariable("STC_TEST_SCALEOUT") == "off";

    public static async Task<TwoNodes> StartAsync(string connectionString)
    {
        var nodes = new TwoNodes();
        var settings = new Dictionary<string, string>();
        if (!SwitchedOff)
        {
            nodes.redis = await LocalRedis.StartAsync();
            settings["ScaleOut__Redis"] = nodes.redis.Configuration;
        }
        nodes.A = new ExternalApp(connectionString, settings);
        nodes.B = new ExternalApp(connectionString, settings);
        await Task.WhenAll(nodes.A.StartAsync(), nodes.B.StartAsync());
        return nodes;
    }

    /// <summary>Signs in on <paramref name="node"/>; the cookie works on both (the keys are in the database).</summary>
    public static async Task<FormClient> TeacherAsync(ExternalApp node, AdultPlan teacher)
    {
        var http = FormClient.For(node.BaseUrl);
        await http.SignInAdultAsync(teacher.Email, teacher.Password);
        return http;
    }

    public static async Task<LiveClient> PupilAsync(ExternalApp signInOn, ExternalApp liveOn, PupilPlan pupil)
    {
        var http = FormClient.For(signInOn.BaseUrl);
        await http.SignInPupilAsync(pupil.CardSecret);
        return await LiveClient.ConnectAsync(liveOn.BaseUrl, http.Cookies);
    }

    public async ValueTask DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (redis is not null) await redis.DisposeAsync();
    }
}
