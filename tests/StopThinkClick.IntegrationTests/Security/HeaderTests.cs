using System.Net;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.Security;

/// <summary>Security headers on every kind of response, and sign-in cookies that are http-only, same-site and (over TLS) secure.</summary>
[Collection(nameof(RealLimitsCollection))]
public sealed class HeaderTests(RealLimitsApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/pupil/signin")]
    [InlineData("/guides")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/health/ready")]
    public async Task Every_response_forbids_inline_script_framing_and_sniffing(string path)
    {
        using var response = await new HttpClient { BaseAddress = new Uri(app.BaseUrl) }.GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    /// <summary>
    /// "Scan my card" needs the camera on the class-code page only; every other page, a pupil's
    /// lesson above all, tells the browser no script may turn the camera on.
    /// </summary>
    [Fact]
    public async Task Only_the_pupil_sign_in_pages_allow_the_camera_and_only_for_this_site()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var stranger = FormClient.For(app);
        (await CameraPolicyAsync(stranger, "/pupil/signin")).ShouldBe("camera=(self)");
        // The names page too: a classroom tablet remembers its class and opens there, card in hand.
        (await CameraPolicyAsync(stranger, $"/pupil/signin/{school.Classes[0].Code}")).ShouldBe("camera=(self)");
        (await CameraPolicyAsync(stranger, "/")).ShouldBe("camera=()");

        var pupil = FormClient.For(app);
        await pupil.SignInPupilAsync(school.Pupils.First().CardSecret);
        var lesson = app.Catalogue().LessonsFor(Band.Y3).First();
        (await CameraPolicyAsync(pupil, $"/pupil/lessons/{lesson.Id}")).ShouldBe("camera=()");
        (await CameraPolicyAsync(pupil, "/pupil")).ShouldBe("camera=()");
    }

    static async Task<string> CameraPolicyAsync(FormClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var policy = response.Headers.GetValues("Permissions-Policy").Single();
        policy.ShouldContain("microphone=()", customMessage: path);
        return policy.Split(',', StringSplitOptions.TrimEntries).Single(p => p.StartsWith("camera=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_cookies_are_http_only_same_site_and_secure_behind_TLS()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Get, "/card/" + school.Pupils.First().CardSecret);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The card first signs out whoever used the tablet before, so the last sign-in cookie is the one that counts.
        var cookie = response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("stc.signin=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldContain("secure");
    }

    /// <summary>Behind the school's TLS proxy, browsers are told to use https only from now on; over plain http (a lab or a test) nothing is promised.</summary>
    [Fact]
    public async Task Strict_transport_security_is_sent_when_served_over_TLS_behind_the_proxy()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var overTls = new HttpRequestMessage(HttpMethod.Get, "/");
        overTls.Headers.Add("X-Forwarded-Proto", "https");
        overTls.Headers.Add("X-Forwarded-Host", "stc.school.example");
        using var secure = await http.SendAsync(overTls);
        var hsts = secure.Headers.GetValues("Strict-Transport-Security").Single();
        hsts.ShouldContain("max-age=31536000");
        hsts.ShouldContain("includeSubDomains");

        using var plain = await http.GetAsync("/");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}
