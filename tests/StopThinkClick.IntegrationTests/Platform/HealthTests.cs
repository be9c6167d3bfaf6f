using System.Net;
using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.Platform;

[Collection(nameof(AppCollection))]
public sealed class HealthTests(AppOnKestrel app)
{
    [Fact]
    public async Task Live_and_ready_answer_when_the_database_is_up()
    {
        var client = FormClient.For(app);
        (await client.GetAsync("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Body.ShouldBe("Healthy");
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var response = await app.CreateClient().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_not_found_page()
    {
        var page = await FormClient.For(app).GetAsync("/no-such-page");
        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Body.ShouldContain("find that page");
    }
}
