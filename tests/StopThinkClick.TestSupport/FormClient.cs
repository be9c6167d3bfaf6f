using System.Net;
using System.Text.RegularExpressions;

namespace StopThinkClick.TestSupport;

/// <summary>
/// A browser-less client for the real pages: keeps cookies, does not follow redirects (so tests
/// can see where they lead), and posts forms with the anti-forgery token read from the page,
/// as a browser would.
/// </summary>
public sealed partial class FormClient(HttpClient http, CookieContainer cookies)
{
    public HttpClient Http { get; } = http;

    /// <summary>The sign-in cookie and friends, to hand to a SignalR connection.</summary>
    public CookieContainer Cookies { get; } = cookies;

    public static FormClient For(AppOnKestrel app) => For(app.BaseUrl);

    public static FormClient For(string baseUrl)
    {
        var cookies = new CookieContainer();
        return new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = new Uri(baseUrl),
        }, cookies);
    }

    /// <summary>Signs an adult in, with the two-step code from <see cref="TwoStepCodes"/> where their account has one.</summary>
    public async Task SignInAdultAsync(string email, string password)
    {
        var result = await PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        if (result.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed for {email}: {result.Status}");
        if (result.Location?.StartsWith("/signin/code", StringComparison.Ordinal) == true)
        {
            var code = await PostFormAsync(result.Location, new Dictionary<string, string> { ["code"] = TwoStepCodes.NextCode(email) }, "/signin/code");
            if (code.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Two-step sign-in failed for {email}: {code.Status}");
        }
    }

    public async Task SignInPupilAsync(string cardSecret)
    {
        var result = await GetAsync("/card/" + cardSecret);
        if (result.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Card sign-in failed: {result.Status}");
    }

    public async Task<(HttpStatusCode Status, string Body, string? Location)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    /// <summary>GETs <paramref name="pagePath"/> for its token, then POSTs the fields to <paramref name="postPath"/> (the same page by default).</summary>
    public async Task<(HttpStatusCode Status, string Body, string? Location)> PostFormAsync(string pagePath, IDictionary<string, string> fields, string? postPath = null)
    {
        var page = await GetAsync(pagePath);
        var token = TokenOf(page.Body) ?? throw new InvalidOperationException($"No anti-forgery token on {pagePath} ({page.Status}): {Said(page.Body)}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var response = await Http.PostAsync(postPath ?? pagePath, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    /// <summary>What the page told the person (its message), for a test's failure text.</summary>
    static string Said(string html) => Regex.Match(html, "class=\"message[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline) is { Success: true } m
        ? Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim() : "(no message on the page)";

    public static string? TokenOf(string html) => AntiforgeryInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
