using System.Net;
using System.Text.RegularExpressions;
using Marten;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// A new authenticator key replaces the old one only for someone who has the old one (its current
/// code or a recovery code): an open laptop or a stolen cookie must not be enough to move a
/// safeguarding lead's or admin's second step onto somebody else's phone.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed partial class TwoStepReplaceTests(AppOnKestrel app)
{
    [Fact]
    public async Task Replacing_a_two_step_key_needs_the_current_code_or_a_recovery_code()
    {
        var school = await app.NewSchoolAsync();
        var admin = school.Adult(AdultRole.SchoolAdmin);
        var client = FormClient.For(app);
        await client.SignInAdultAsync(admin.Email, admin.Password);
        var original = await SecretAsync(admin.Email);

        // A key offered to somebody else (a teacher setting theirs up) is not accepted for this account.
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(school.Classes[0].Teacher.Email, school.Classes[0].Teacher.Password);
        var (otherPending, otherSecret) = Offer((await teacher.GetAsync("/account/two-step")).Body);
        var stolen = await client.PostFormAsync("/account/two-step", new Dictionary<string, string> { ["pending"] = otherPending, ["code"] = Now(otherSecret) });
        stolen.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await SecretAsync(admin.Email)).ShouldBe(original);

        // The replace form offers a new key, and wants the current code too.
        var (pending, secret) = Offer((await client.GetAsync("/account/two-step?replace=true")).Body);
        var without = await client.PostFormAsync("/account/two-step", new Dictionary<string, string> { ["pending"] = pending, ["code"] = Now(secret) });
        var wrong = await client.PostFormAsync("/account/two-step", new Dictionary<string, string> { ["pending"] = pending, ["code"] = Now(secret), ["current"] = "000000" });
        without.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrong.Body.ShouldContain("current");
        (await SecretAsync(admin.Email)).ShouldBe(original, "nothing replaced without the current code");

        var replaced = await client.PostFormAsync("/account/two-step", new Dictionary<string, string>
        {
            ["pending"] = pending, ["code"] = Now(secret), ["current"] = TwoStepCodes.NextCode(admin.Email),
        });
        replaced.Status.ShouldBe(HttpStatusCode.OK);
        (await SecretAsync(admin.Email)).ShouldBe(secret);
        var recovery = RecoveryCode().Match(replaced.Body).Groups[1].Value;

        // Lost the phone with the new key: a recovery code of it is enough, once.
        var (pending2, secret2) = Offer((await client.GetAsync("/account/two-step?replace=true")).Body);
        (await client.PostFormAsync("/account/two-step", new Dictionary<string, string> { ["pending"] = pending2, ["code"] = Now(secret2), ["current"] = recovery }))
            .Status.ShouldBe(HttpStatusCode.OK);
        (await SecretAsync(admin.Email)).ShouldBe(secret2);
        TwoStepCodes.Remember(admin.Email, secret2);
    }

    static string Now(string secret) => TwoStepRules.CodeAt(secret, DateTimeOffset.UtcNow);

    static (string Pending, string Secret) Offer(string html)
    {
        var pending = WebUtility.HtmlDecode(PendingKey().Match(html).Groups[1].Value);
        pending.ShouldNotBeNullOrEmpty("the page offers a new key");
        return (pending, SetupKey().Match(html).Groups[1].Value);
    }

    async Task<string?> SecretAsync(string email)
    {
        await using var query = app.Store.QuerySession();
        return (await query.LoadAsync<AdultAccount>(AdultAccount.Normalise(email)))!.TotpSecret;
    }

    [GeneratedRegex("id=\"setup-key\">([A-Z2-7]+)<")]
    private static partial Regex SetupKey();

    [GeneratedRegex("name=\"pending\" value=\"([^\"]+)\"")]
    private static partial Regex PendingKey();

    [GeneratedRegex("<li><code>([A-Z0-9]{4}-[A-Z0-9]{4})</code></li>")]
    private static partial Regex RecoveryCode();
}
