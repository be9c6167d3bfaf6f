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
        new("RateLimits:WrongPinsPerAddressPerTenMinutes", "60"),
        new("RateLimits:WrongPinsPerClassPerTenMinutes", "30"),
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

    /// <summary>Issue 13, item 7: 109 guesses across a Reception class from one address once found a child's PIN.</summary>
    [Fact]
    public async Task Spraying_picture_pins_across_a_class_is_stopped_before_a_right_one_counts()
    {
        var school = await app.NewSchoolAsync((Band.EYFS, 24));
        var cls = school.Classes[0];
        var client = FromAddress("198.51.100.7");
        var token = FormClient.TokenOf((await client.GetAsync($"/pupil/signin/{cls.Code}/{cls.Pupils[0].Id}")).Body)!;
        async Task<(HttpStatusCode Status, string Body)> TryAsync(PupilPlan pupil, IEnumerable<string> pictures)
        {
            using var post = await client.Http.PostAsync($"/pupil/signin/{cls.Code}/{pupil.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["pictures"] = string.Join(",", pictures), ["__RequestVerificationToken"] = token,
            }));
            return (post.StatusCode, await post.Content.ReadAsStringAsync());
        }

        // Four wrong PINs for each of 23 pupils: never five for one pupil, so the old per-pupil pause never starts.
        foreach (var pupil in cls.Pupils.Take(23))
            foreach (var wrong in WrongPins(pupil.Pin).Take(4))
                await TryAsync(pupil, wrong);
        var right = await TryAsync(cls.Pupils[23], cls.Pupils[23].Pin);

        right.Status.ShouldNotBe(HttpStatusCode.Redirect, "a right PIN after a spray must not sign anyone in");
        right.Body.ShouldContain("break");
    }

    /// <summary>Issue 13, item 8: the names page took any number of guessed class codes.</summary>
    [Fact]
    public async Task Guessing_class_codes_on_the_names_page_is_guarded_like_the_form()
    {
        var school = await app.NewSchoolAsync((Band.Y1, 3));
        var client = FromAddress("198.51.100.8");
        for (var i = 0; i < 15; i++) await client.GetAsync($"/pupil/signin/QQQ-{100 + i}");

        var real = await client.GetAsync($"/pupil/signin/{school.Classes[0].Code}");

        real.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        foreach (var pupil in school.Classes[0].Pupils) real.Body.ShouldNotContain(pupil.Id.ToString());
        real.Body.ShouldContain("too many wrong codes");
    }

    FormClient FromAddress(string address)
    {
        var client = FormClient.For(app);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    static IEnumerable<IReadOnlyList<string>> WrongPins(IReadOnlyList<string> pin) =>
        PicturePin.Pictures.Where(p => p != pin[0]).Select(first => (IReadOnlyList<string>)[first, .. pin.Skip(1)]);
}
