using System.Net;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Security;

/// <summary>The app with its real limits (the shared test app raises them, since tests sign in many people from one address).</summary>
public sealed class RealLimitsApp : AppOnKestrel
{
    protected override string Purpose => "limits";

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("RateLimits:AdultSignInPerMinute", "20"),
        new("RateLimits:PupilSignInPerMinute", "120"),
        new("RateLimits:WrongCodesPerTenMinutes", "10"),
        new("Web:BehindProxy", "true"),
    ];
}

[CollectionDefinition(nameof(RealLimitsCollection))]
public sealed class RealLimitsCollection : ICollectionFixture<RealLimitsApp>;

/// <summary>Guessing passwords, class codes, join codes and login cards is slowed to a stop.</summary>
[Collection(nameof(RealLimitsCollection))]
public sealed class BruteForceTests(RealLimitsApp app)
{
    [Fact]
    public async Task Guessing_adult_passwords_from_one_address_is_rate_limited()
    {
        var school = await app.NewSchoolAsync();
        var email = school.Adult(AdultRole.SchoolAdmin).Email;
        var client = FormClient.For(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            var page = await client.GetAsync("/signin");
            statuses.Add(page.Status);
            if (page.Status == HttpStatusCode.TooManyRequests)
            {
                page.Body.ShouldContain("Too many tries");
                break;
            }
            var token = FormClient.TokenOf(page.Body)!;
            using var post = await client.Http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email, ["password"] = $"guess-{i}", ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(post.StatusCode);
        }
        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        statuses.Count(s => s != HttpStatusCode.TooManyRequests).ShouldBeLessThanOrEqualTo(20);
    }

    [Fact]
    public async Task Ten_wrong_codes_make_the_address_wait_even_for_a_right_one()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 2));
        var client = FormClient.For(app);
        for (var i = 0; i < 10; i++)
            (await client.PostFormAsync("/live/join", new Dictionary<string, string> { ["code"] = $"{100000 + i}" })).Status.ShouldBe(HttpStatusCode.NotFound);

        var right = await client.PostFormAsync("/pupil/signin", new Dictionary<string, string> { ["code"] = school.Classes[0].Code });
        right.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Body.ShouldContain("too many wrong codes");
        (await client.GetAsync(LoginCards.Path(school.Pupils.First().CardSecret))).Status.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
