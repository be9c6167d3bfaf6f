using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Aup;

/// <summary>
/// The AUP record is its own read model, kept inline from the child's stream beside their learning:
/// built once for a school that stored its promises before the record existed, untouched by the
/// child's lessons, and erased with the child.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class AupRecordTests(AppOnKestrel app)
{
    Catalogue Catalogue => app.Services.GetRequiredService<Catalogue>();

    [Fact]
    public async Task A_school_that_signed_before_the_record_existed_has_it_built_from_its_events_at_start_up()
    {
        var school = await app.NewSchoolAsync((Band.Y2, 2));
        var child = school.Classes[0].Pupils[0];
        var parentPlan = school.Adult(AdultRole.Parent);
        var aup = Catalogue.PupilAupFor(Band.Y2)!;
        var permission = Catalogue.ParentAup!.Permissions[0].Id;
        var now = DateTimeOffset.UtcNow;
        await AppendAsync(school.Id, child.Id,
            new LessonStarted(child.Id, Catalogue.LessonsFor(Band.Y2).First().Id, now),
            new AupCoSigned(child.Id, parentPlan.Id, aup.Id, aup.Version, true, now),
            new ConsentGiven(child.Id, parentPlan.Id, permission, now),
            new ConsentWithdrawn(child.Id, parentPlan.Id, permission, now.AddMinutes(5)));
        // As a database from before the record: the promises lived in the child's progress, no record rows, no mark.
        await app.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(AupRecord));
        await using (var forget = app.Store.LightweightSession())
        {
            forget.Delete<ReadModelBuilt>("aup-record-v1");
            await forget.SaveChangesAsync();
        }
        var parent = FormClient.For(app);
        await parent.SignInAdultAsync(parentPlan.Email, parentPlan.Password);
        (await parent.GetAsync($"/parent/children/{child.Id}")).Body.ShouldContain("Read them and co-sign", customMessage: "with no record the page cannot know");

        await app.Services.GetServices<IHostedService>().OfType<ReadModelBackfill<AupRecordProjection>>().Single().StartAsync(CancellationToken.None);

        await using (var query = app.Store.QuerySession(school.Id))
        {
            var record = (await query.LoadAsync<AupRecord>(child.Id)).ShouldNotBeNull();
            record.CoSignatures.ShouldHaveSingleItem().ParentId.ShouldBe(parentPlan.Id);
            record.Consents[permission].History.Select(h => h.Given).ShouldBe([true, false]);
        }
        await using (var marks = app.Store.QuerySession())
            (await marks.LoadAsync<ReadModelBuilt>("aup-record-v1")).ShouldNotBeNull("built once: the next start-up does not replay again");
        var home = await parent.GetAsync($"/parent/children/{child.Id}");
        home.Body.ShouldContain($"You co-signed them on {now.ToLocalTime():d MMMM yyyy}");
    }

    [Fact]
    public async Task A_childs_lessons_between_two_parent_steps_neither_block_nor_change_the_record_and_erasure_removes_it()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var child = school.Classes[0].Pupils[0];
        var parentPlan = school.Adult(AdultRole.Parent);
        var parent = FormClient.For(app);
        await parent.SignInAdultAsync(parentPlan.Email, parentPlan.Password);
        var page = $"/parent/children/{child.Id}/aup";

        var coSigned = await parent.PostFormAsync(page, new Dictionary<string, string> { ["version"] = Catalogue.PupilAupFor(Band.Y3)!.Version, ["talkedTogether"] = "true" }, $"{page}?handler=CoSign");
        coSigned.Status.ShouldBe(HttpStatusCode.Redirect, coSigned.Body);
        var lesson = Catalogue.LessonsFor(Band.Y3).First();
        await AppendAsync(school.Id, child.Id, new LessonStarted(child.Id, lesson.Id, DateTimeOffset.UtcNow), new LessonCompleted(child.Id, lesson.Id, DateTimeOffset.UtcNow));
        var agreed = await parent.PostFormAsync(page, new Dictionary<string, string> { ["version"] = Catalogue.ParentAup!.Version }, $"{page}?handler=Agree");
        agreed.Status.ShouldBe(HttpStatusCode.Redirect, agreed.Body);

        await using (var query = app.Store.QuerySession(school.Id))
        {
            var record = (await query.LoadAsync<AupRecord>(child.Id)).ShouldNotBeNull();
            (record.CoSignatures.Count, record.ParentAgreements.Count, record.Signatures.Count).ShouldBe((1, 1, 0));
            (await query.LoadAsync<PupilProgress>(child.Id))!.Lessons[lesson.Id].Completed.ShouldBeTrue();
        }

        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var erased = await admin.PostFormAsync($"/admin/pupils/{child.Id}", new Dictionary<string, string> { ["confirm"] = child.FirstName }, $"/admin/pupils/{child.Id}?handler=Erase");
        erased.Status.ShouldBe(HttpStatusCode.OK, erased.Body);
        await using var after = app.Store.QuerySession(school.Id);
        (await after.LoadAsync<AupRecord>(child.Id)).ShouldBeNull();
    }

    async Task AppendAsync(string schoolId, Guid pupil, params object[] events)
    {
        await using var session = app.Store.LightweightSession(schoolId);
        session.Events.Append(pupil, events);
        await session.SaveChangesAsync();
    }
}
