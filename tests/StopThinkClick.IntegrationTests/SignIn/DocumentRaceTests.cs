using System.Net;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>
/// A pupil's and a parent's record under parallel requests: every change is made on the version it
/// read, so one request cannot silently undo another (Marten numeric revisions).
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class DocumentRaceTests(AppOnKestrel app)
{
    [Fact]
    public async Task Eight_parallel_reprints_of_one_pupils_card_leave_exactly_one_valid_card()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 3));
        var pupil = school.Classes[0].Pupils[0];
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(school.Classes[0].Teacher.Email, school.Classes[0].Teacher.Password);
        var cards = $"/teacher/classes/{school.Classes[0].Id}/cards";
        var token = FormClient.TokenOf((await teacher.GetAsync(cards)).Body)!;

        var printed = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var post = await teacher.Http.PostAsync(cards, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["pupilId"] = pupil.Id.ToString(), ["__RequestVerificationToken"] = token,
            }));
            return (post.StatusCode, Body: await post.Content.ReadAsStringAsync());
        }));

        printed.ShouldAllBe(p => (int)p.StatusCode < 500);
        await using var query = app.Store.QuerySession(school.Id);
        var current = (await query.LoadAsync<Pupil>(pupil.Id))!.SignIn.CardVersion;
        await using var directory = app.Store.QuerySession();
        var valid = await directory.Query<LoginCardEntry>().Where(e => e.PupilId == pupil.Id && e.CardVersion == current).CountAsync();
        valid.ShouldBe(1, "every card printed but one would have to be thrown away: only one may work");
        // Reprints that overlapped are refused kindly; one that started after another finished simply
        // prints a newer card (as pressing the button twice does).
        printed.Count(p => p.Body.Contains("data:image/png;base64,")).ShouldBeGreaterThanOrEqualTo(1);
        printed.Where(p => !p.Body.Contains("data:image/png;base64,")).ShouldAllBe(p => p.StatusCode == HttpStatusCode.Conflict && p.Body.Contains("at the same moment"));
        (await FormClient.For(app).GetAsync("/card/" + pupil.CardSecret)).Status.ShouldNotBe(HttpStatusCode.Redirect, "the old card stopped working");
    }

    [Fact]
    public async Task A_parent_unlinked_from_one_child_while_joining_another_ends_with_exactly_the_new_child()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 12));
        var parentPlan = school.Adult(AdultRole.Parent);
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var parent = FormClient.For(app);
        await parent.SignInAdultAsync(parentPlan.Email, parentPlan.Password);
        var others = school.Pupils.Select(p => p.Id).Where(id => !parentPlan.ChildIds.Contains(id)).ToList();

        // Rounds of: the admin unlinks one child (a court order) at the moment the parent adds another.
        var kept = (await ParentAsync(school.Id, parentPlan.Id)).ChildIds.ToList();
        for (var round = 0; round < 5 && kept.Count > 0; round++)
        {
            var unlink = kept[0];
            var join = others[round];
            var code = Invitations.NewCode();
            await using (var session = app.Store.LightweightSession())
            {
                session.Store(new ParentInvitation(Invitations.IdOf(code), school.Id, join, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));
                await session.SaveChangesAsync();
            }
            var adminToken = FormClient.TokenOf((await admin.GetAsync("/admin/parents")).Body)!;
            var parentToken = FormClient.TokenOf((await parent.GetAsync($"/parent/join?code={code}")).Body)!;

            await Task.WhenAll(
                admin.Http.PostAsync("/admin/parents?handler=Unlink", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["parentId"] = parentPlan.Id.ToString(), ["pupilId"] = unlink.ToString(), ["__RequestVerificationToken"] = adminToken,
                })),
                parent.Http.PostAsync("/parent/join?handler=Attach", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["code"] = code, ["__RequestVerificationToken"] = parentToken,
                })));

            kept.Remove(unlink);
            await using (var directory = app.Store.QuerySession())
            {
                // The unlink signs the parent out; if that came first, the join was refused and the letter is still unused.
                var used = (await directory.LoadAsync<ParentInvitation>(Invitations.IdOf(code)))!.UsedBy;
                if (used is not null) kept.Add(join);
                (used is null || used == parentPlan.Id).ShouldBeTrue();
            }
            (await ParentAsync(school.Id, parentPlan.Id)).ChildIds.ShouldBe(kept, ignoreOrder: true, $"round {round}: the unlinked child stays unlinked and the joined child stays joined");
            await parent.SignInAdultAsync(parentPlan.Email, parentPlan.Password); // the unlink signed them out
        }
    }

    async Task<Parent> ParentAsync(string schoolId, Guid id)
    {
        await using var query = app.Store.QuerySession(schoolId);
        return (await query.LoadAsync<Parent>(id))!;
    }
}
