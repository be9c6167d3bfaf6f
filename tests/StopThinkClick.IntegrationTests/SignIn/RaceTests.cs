using System.Net;
using Marten;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// Counters and single-use codes under parallel requests: a race counts as a failed try or an
/// already-used code, never as a free one (issue 13, item 9).
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class RaceTests(AppOnKestrel app)
{
    [Fact]
    public async Task Twenty_parallel_wrong_passwords_lock_the_account()
    {
        var school = await app.NewSchoolAsync();
        var teacher = school.Classes[0].Teacher;
        var client = FormClient.For(app);
        var token = FormClient.TokenOf((await client.GetAsync("/signin")).Body)!;

        var bodies = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var post = await client.Http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = teacher.Email, ["password"] = $"wrong guess {i}", ["__RequestVerificationToken"] = token,
            }));
            return await post.Content.ReadAsStringAsync();
        }));

        bodies.Count(b => b.Contains("do not match")).ShouldBeLessThan(5, "at most four wrong passwords are told apart from a lock-out");
        var right = await FormClient.For(app).PostFormAsync("/signin", new Dictionary<string, string> { ["email"] = teacher.Email, ["password"] = teacher.Password });
        right.Status.ShouldBe(HttpStatusCode.OK);
        right.Body.ShouldContain("too many wrong passwords");
    }

    [Fact]
    public async Task Eight_parallel_redemptions_of_one_invitation_make_one_parent()
    {
        var school = await app.NewSchoolAsync();
        var child = school.Pupils.Last();
        var code = Invitations.NewCode();
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(new ParentInvitation(Invitations.IdOf(code), school.Id, child.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));
            await session.SaveChangesAsync();
        }
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var client = FormClient.For(app);
            var token = FormClient.TokenOf((await client.GetAsync($"/parent/join?code={code}")).Body)!;
            return (client, token, i);
        }));

        var results = await Task.WhenAll(clients.Select(async c =>
        {
            using var post = await c.client.Http.PostAsync("/parent/join?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = code, ["displayName"] = $"Parent {c.i}", ["email"] = $"racer{c.i}.{school.Id}@example.org",
                ["password"] = "a long enough password", ["again"] = "a long enough password", ["__RequestVerificationToken"] = c.token,
            }));
            return (post.StatusCode, Body: await post.Content.ReadAsStringAsync());
        }));

        results.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        results.Where(r => r.StatusCode != HttpStatusCode.Redirect).ShouldAllBe(r => r.Body.Contains("already been used"));
        await using var query = app.Store.QuerySession(school.Id);
        var parents = await query.Query<Parent>().ToListAsync();
        parents.Count(p => p.ChildIds.Contains(child.Id)).ShouldBe(1, "one invitation, one parent");
        await using var directory = app.Store.QuerySession();
        (await directory.Query<AdultAccount>().Where(a => a.Id.StartsWith("racer") && a.Id.EndsWith(school.Id + "@example.org")).CountAsync()).ShouldBe(1);
    }
}
