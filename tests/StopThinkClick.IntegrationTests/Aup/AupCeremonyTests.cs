using System.Net;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Aup;

/// <summary>
/// The AUP ceremony's record: every promise affirmed, the signature, the witness — then parents'
/// co-signature and permissions, and a status report that knows what is out of date.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class AupCeremonyTests(AppOnKestrel app)
{
    [Fact]
    public async Task A_ceremony_records_each_pupils_signed_promises_and_the_status_report_tracks_parents_and_permissions()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 5));
        var cls = school.Classes[0];
        var aup = app.Catalogue().PupilAupFor(Band.Y4)!;
        var parentAup = app.Catalogue().ParentAup!;
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Ceremony", aup.Id);
        await using var console = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);
        (await console.SendAsync<JoinState>("Watch", sessionId, "console")).Ok.ShouldBeTrue();
        var pupils = await Task.WhenAll(cls.Pupils.Take(4).Select(p => LiveTestKit.PupilAsync(app.BaseUrl, app, p, sessionId)));

        foreach (var (promise, index) in aup.Promises.Select((p, i) => (p, i)))
        {
            (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue();
            for (var i = 0; i < 4; i++)
            {
                if (i == 3 && index == 1) continue; // pupil 3 skips the second promise
                (await pupils[i].SendAsync<Ack>("Affirm", sessionId, promise.Id)).Ok.ShouldBeTrue();
            }
            (await pupils[0].SendAsync<Ack>("Affirm", sessionId, promise.Id)).Ok.ShouldBeTrue(); // pressed twice: stored once
        }
        (await pupils[2].SendAsync<Ack>("AskMeaning", sessionId, aup.Promises[^1].Id)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeTrue(); // the signing slide

        (await pupils[0].SendAsync<Ack>("Sign", sessionId, Guid.CreateVersion7(), cls.Pupils[1].FirstName == cls.Pupils[0].FirstName ? "Someone Else" : cls.Pupils[1].FirstName, null))
            .Message.ShouldBe("Please write your own name.");
        (await pupils[3].SendAsync<Ack>("Sign", sessionId, Guid.CreateVersion7(), cls.Pupils[3].FirstName, null))
            .Message!.ShouldStartWith("You have not said \"I promise\" to promise 2 yet.");
        (await pupils[0].SendAsync<Ack>("Sign", sessionId, Guid.CreateVersion7(), $"{cls.Pupils[0].FirstName} {cls.Pupils[0].LastInitial}", null)).Ok.ShouldBeTrue();
        (await pupils[1].SendAsync<Ack>("Sign", sessionId, Guid.CreateVersion7(), null, "M10 10L200 120L300 40")).Ok.ShouldBeTrue();
        (await pupils[2].SendAsync<Ack>("Sign", sessionId, Guid.CreateVersion7(), null, "M10 10<script>")).Ok.ShouldBeFalse();
        (await pupils[2].SendAsync<Ack>("Sign", sessionId, Guid.CreateVersion7(), cls.Pupils[2].FirstName.ToUpperInvariant(), null)).Ok.ShouldBeTrue();
        (await pupils[0].SendAsync<Ack>("Witness", sessionId)).Message.ShouldBe("Only the session's teacher can do that.");
        (await console.SendAsync<Ack>("Witness", sessionId)).Ok.ShouldBeTrue();
        (await console.SendAsync<Ack>("End", sessionId)).Ok.ShouldBeTrue();

        await using (var session = app.Store.QuerySession(school.Id))
        {
            for (var i = 0; i < 3; i++)
            {
                var signed = (await session.Events.FetchStreamAsync(cls.Pupils[i].Id)).Select(e => e.Data).OfType<AupSigned>().ShouldHaveSingleItem();
                signed.Version.ShouldBe(aup.Version);
                signed.PromiseIds.ShouldBe(aup.Promises.Select(p => p.Id));
                signed.WitnessId.ShouldBe(cls.Teacher.Id);
                signed.SessionId.ShouldBe(sessionId);
            }
            (await session.Events.FetchStreamAsync(cls.Pupils[3].Id)).Select(e => e.Data).OfType<AupSigned>().ShouldBeEmpty();
            var sessionEvents = (await session.Events.FetchStreamAsync(sessionId)).Select(e => e.Data).ToList();
            sessionEvents.OfType<PromiseAffirmed>().Count().ShouldBe(4 * aup.Promises.Count - 1);
        }

        // Pupil 4 (absent) has an old signature from before the promises changed; pupil 3 from last school year.
        await using (var write = app.Store.LightweightSession(school.Id))
        {
            write.Events.Append(cls.Pupils[4].Id, new AupSigned(cls.Pupils[4].Id, aup.Id, "0ld0ld0ld0ld", aup.Promises.Select(p => p.Id).ToList(), Guid.NewGuid(), cls.Teacher.Id, null, DateTimeOffset.UtcNow.AddDays(-3)));
            write.Events.Append(cls.Pupils[3].Id, new AupSigned(cls.Pupils[3].Id, aup.Id, aup.Version, aup.Promises.Select(p => p.Id).ToList(), Guid.NewGuid(), cls.Teacher.Id, null, DateTimeOffset.UtcNow.AddYears(-1).AddDays(-30)));
            await write.SaveChangesAsync();
        }

        // The demo parent of this school has the first pupil of the class as a child.
        var parentPlan = school.Adult(AdultRole.Parent);
        var child = cls.Pupils[0];
        parentPlan.ChildIds.ShouldContain(child.Id);
        var parent = FormClient.For(app);
        await parent.SignInAdultAsync(parentPlan.Email, parentPlan.Password);
        var page = $"/parent/children/{child.Id}/aup";

        var stale = await parent.PostFormAsync(page, new Dictionary<string, string> { ["version"] = "not-this-one", ["talkedTogether"] = "true" }, page + "?handler=CoSign");
        stale.Status.ShouldBe(HttpStatusCode.BadRequest);
        stale.Body.ShouldContain("these promises have changed");
        var notTheirs = await parent.PostFormAsync(page, new Dictionary<string, string> { ["version"] = aup.Version, ["talkedTogether"] = "true" }, $"/parent/children/{cls.Pupils[2].Id}/aup?handler=CoSign");
        notTheirs.Status.ShouldBe(HttpStatusCode.Forbidden);
        // Each step saved opens the next one (post, then redirect), so a parent on a phone keeps their place.
        (await parent.PostFormAsync(page, new Dictionary<string, string> { ["version"] = aup.Version, ["talkedTogether"] = "true" }, page + "?handler=CoSign")).Location.ShouldBe(page + "?step=agreement&saved=promises#step");
        (await parent.PostFormAsync(page, new Dictionary<string, string> { ["version"] = parentAup.Version }, page + "?handler=Agree")).Location.ShouldBe(page + "?step=photos&saved=agreement#step");
        var everything = parentAup.Permissions.ToDictionary(p => $"p-{p.Id}", _ => "yes");
        var saved = await parent.PostFormAsync(page, everything, page + "?handler=Permissions");
        (await parent.GetAsync(saved.Location!)).Body.ShouldContain("your choices are saved");
        var withdrawn = parentAup.Permissions[^1].Id;
        (await parent.PostFormAsync(page, new Dictionary<string, string>(everything) { [$"p-{withdrawn}"] = "no" }, page + "?handler=Permissions")).Status.ShouldBe(HttpStatusCode.Redirect);

        await using (var session = app.Store.QuerySession(school.Id))
        {
            var events = (await session.Events.FetchStreamAsync(child.Id)).Select(e => e.Data).ToList();
            events.OfType<AupCoSigned>().ShouldHaveSingleItem().ParentId.ShouldBe(parentPlan.Id);
            events.OfType<ParentAgreementSigned>().ShouldHaveSingleItem();
            events.OfType<ConsentGiven>().Count().ShouldBe(parentAup.Permissions.Count);
            events.OfType<ConsentWithdrawn>().ShouldHaveSingleItem().Permission.ShouldBe(withdrawn);
        }

        var status = await teacher.GetAsync($"/teacher/classes/{cls.Id}/aup");
        status.Status.ShouldBe(HttpStatusCode.OK);
        status.Body.ShouldContain("3 of 5 have signed this year");
        status.Body.ShouldContain("Out of date: the promises have changed since");
        status.Body.ShouldContain("Out of date: signed in ");
        status.Body.ShouldContain("Parents of 1 have co-signed");
        var csv = await teacher.GetAsync($"/teacher/classes/{cls.Id}/aup?handler=Csv");
        var childRow = csv.Body.Split('\n').Single(l => l.StartsWith(cls.Pupils[0].DisplayName));
        childRow.ShouldEndWith(",no");
        childRow.ShouldContain(",yes,");

        var certificates = await teacher.GetAsync($"/teacher/classes/{cls.Id}/aup/certificates");
        certificates.Body.ShouldContain($"{cls.Pupils[0].DisplayName} promises to stay safe online");
        certificates.Body.ShouldContain("<path d=\"M10 10L200 120L300 40\"");
        certificates.Body.ShouldNotContain($"{cls.Pupils[3].DisplayName} promises");
        foreach (var p in pupils) await p.DisposeAsync();
    }
}
