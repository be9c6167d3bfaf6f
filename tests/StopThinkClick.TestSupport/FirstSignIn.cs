using System.Net;
using System.Text.RegularExpressions;
using StopThinkClick.Web.SignIn.TwoStep;

namespace StopThinkClick.TestSupport;

/// <summary>
/// What a new member of staff does with their one-time link, as a browser would: opens it, chooses a
/// password, signs in, and (for a lead or admin) sets up two-step sign-in from the key the page shows.
/// </summary>
public static partial class FirstSignIn
{
    /// <summary>Opens <paramref name="link"/> and sets <paramref name="password"/>: the page's answer.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> ChoosePasswordAsync(string link, string password)
    {
        var uri = new Uri(link);
        var client = FormClient.For(uri.GetLeftPart(UriPartial.Authority));
        var page = await client.GetAsync(uri.PathAndQuery);
        if (FormClient.TokenOf(page.Body) is null) return (page.Status, page.Body); // a used or unknown link shows no form, only why
        var done = await client.PostFormAsync(uri.PathAndQuery, new Dictionary<string, string> { ["password"] = password, ["again"] = password });
        return (done.Status, done.Body);
    }

    /// <summary>Signs in with the password just chosen and sets up two-step sign-in; the client, signed in, and the key (remembered for later sign-ins).</summary>
    public static async Task<FormClient> SignInAndSetUpTwoStepAsync(string baseUrl, string email, string password)
    {
        var client = FormClient.For(baseUrl);
        var signIn = await client.PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        if (signIn.Location != "/account/two-step?required=true") throw new InvalidOperationException($"{email} was sent to {signIn.Location} ({signIn.Status}), not to set up two-step sign-in.");
        var setup = await client.GetAsync(signIn.Location);
        var secret = SetupKey().Match(setup.Body).Groups[1].Value;
        var done = await client.PostFormAsync("/account/two-step", new Dictionary<string, string>
        {
            ["pending"] = WebUtility.HtmlDecode(PendingKey().Match(setup.Body).Groups[1].Value), ["code"] = TwoStepRules.CodeAt(secret, DateTimeOffset.UtcNow),
        });
        if (!done.Body.Contains("recovery codes")) throw new InvalidOperationException($"Two-step set-up failed for {email}: {done.Status}");
        TwoStepCodes.Remember(email, secret);
        return client;
    }

    [GeneratedRegex("id=\"setup-key\">([A-Z2-7]+)<")]
    private static partial Regex SetupKey();

    [GeneratedRegex("name=\"pending\" value=\"([^\"]+)\"")]
    private static partial Regex PendingKey();
}
