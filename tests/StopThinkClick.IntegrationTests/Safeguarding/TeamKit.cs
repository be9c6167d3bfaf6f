using System.Net;
using Marten;
using StopThinkClick.IntegrationTests.SignIn;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding.Team;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Safeguarding;

/// <summary>What the safeguarding-team tests do again and again: sign people in, use a link shown on a page, read the directory.</summary>
public sealed class TeamKit(AppOnKestrel app)
{
    public static Dictionary<string, string> Person(Guid id) => new() { ["personId"] = id.ToString() };

    public async Task<FormClient> SignedInAsync(AdultPlan adult) => await SignedInAsync(adult.Email, adult.Password);

    public async Task<FormClient> SignedInAsync(string email, string password)
    {
        var client = FormClient.For(app);
        await client.SignInAdultAsync(email, password);
        return client;
    }

    /// <summary>Where a sign-in with this password leads (null: it did not sign in).</summary>
    public async Task<string?> SignInAsync(string email, string password)
    {
        var result = await FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        return result.Status == HttpStatusCode.Redirect ? result.Location : null;
    }

    /// <summary>Chooses a password through the one-time link a page showed, as whoever was shown it would.</summary>
    public async Task SetPasswordThroughAsync(string pageShowingTheLink, string password)
    {
        var link = ForgedHost.OneTimeLink(pageShowingTheLink);
        link.ShouldNotBeNullOrEmpty("the page showed a one-time link");
        var set = await FormClient.For(app).PostFormAsync(new Uri(link).AbsolutePath, new Dictionary<string, string> { ["password"] = password, ["again"] = password });
        set.Body.ShouldContain("your password is set");
    }

    public async Task<AdultAccount> AccountAsync(string email)
    {
        await using var query = app.Store.QuerySession();
        return (await query.LoadAsync<AdultAccount>(AdultAccount.Normalise(email)))!;
    }

    public async Task<IReadOnlyList<TeamChange>> ChangesForAsync(string schoolId, Guid personId)
    {
        await using var query = app.Store.QuerySession(schoolId);
        return await query.Query<TeamChange>().Where(c => c.PersonId == personId).ToListAsync();
    }

    public async Task<IReadOnlyList<T>> EventsAsync<T>(string schoolId) where T : class
    {
        await using var query = app.Store.QuerySession(schoolId);
        return await query.Events.QueryRawEventDataOnly<T>().ToListAsync();
    }
}
