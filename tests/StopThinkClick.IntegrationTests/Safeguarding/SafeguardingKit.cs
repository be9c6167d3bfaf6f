using System.Net;
using System.Text.RegularExpressions;
using Marten;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Safeguarding;

/// <summary>The ways into the concern log that the tests share: signed-in people, a child's press, a staff record.</summary>
public static partial class SafeguardingKit
{
    public static async Task<FormClient> AdultAsync(AppOnKestrel app, AdultPlan adult)
    {
        var client = FormClient.For(app);
        await client.SignInAdultAsync(adult.Email, adult.Password);
        return client;
    }

    public static async Task<FormClient> PupilAsync(AppOnKestrel app, PupilPlan pupil)
    {
        var client = FormClient.For(app);
        await client.SignInPupilAsync(pupil.CardSecret);
        return client;
    }

    /// <summary>Presses "I'm worried". Sends the page's press id under both names, so old code (which read "concernId") is tested too.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PressAsync(FormClient pupil, string? words = null, Guid? id = null)
    {
        var press = (id ?? Guid.CreateVersion7()).ToString();
        var fields = new Dictionary<string, string> { ["pressId"] = press, ["concernId"] = press, ["topic"] = ConcernTopics.SomeoneOnline };
        if (words is not null) fields["words"] = words;
        var (status, body, _) = await pupil.PostFormAsync("/pupil/worried", fields);
        return (status, body);
    }

    public static async Task<(HttpStatusCode Status, string Body)> RecordAsync(FormClient staff, Guid pupilId, string details, Guid? proposedId = null)
    {
        var fields = new Dictionary<string, string> { ["pupilId"] = pupilId.ToString(), ["topic"] = "bullying", ["details"] = details,
            ["concernId"] = (proposedId ?? Guid.CreateVersion7()).ToString() };
        var (status, body, _) = await staff.PostFormAsync("/concerns/new", fields);
        return (status, body);
    }

    public static async Task<IReadOnlyList<Concern>> ConcernsAboutAsync(AppOnKestrel app, string schoolId, Guid pupilId)
    {
        await using var session = app.Store.QuerySession(schoolId);
        return await session.Query<Concern>().Where(c => c.PupilId == pupilId).ToListAsync();
    }

    public static async Task<IReadOnlyList<ConcernText>> TextsOfAsync(AppOnKestrel app, string schoolId, Guid concernId)
    {
        await using var session = app.Store.QuerySession(schoolId);
        return await session.Query<ConcernText>().Where(t => t.ConcernId == concernId).ToListAsync();
    }

    /// <summary>The concern page's version field, as the lead's browser would send it back.</summary>
    public static string VersionOn(string html) => VersionField().Match(html).Groups[1].Value;

    public static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();
}
