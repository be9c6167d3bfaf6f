using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Live.Summary;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Demo.Term;
using Xunit.Abstractions;

namespace StopThinkClick.IntegrationTests.Schools;

/// <summary>
/// A newcomer's first run: the demo school has an autumn term behind it, written as real events, so
/// the dashboard, coverage, promises, the parent's pages and the safeguarding log all show true data.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class DemoTermTests(AppOnKestrel app, ITestOutputHelper output)
{
    [Fact]
    public async Task After_the_demo_term_every_page_shows_what_the_events_say_and_a_second_run_adds_nothing()
    {
        var school = await DemoLikeSchoolAsync();
        var watch = Stopwatch.StartNew();
        (await DemoTerm.WriteAsync(app.Services, school, seed: 2026_11)).ShouldBeTrue();
        output.WriteLine($"One demo school's term written in {watch.Elapsed.TotalSeconds:0.0} s");
        var events = await EventCountAsync(school.Id);
        events.ShouldBeGreaterThan(1000);

        (await DemoTerm.WriteAsync(app.Services, school, seed: 2026_11)).ShouldBeFalse();
        (await EventCountAsync(school.Id)).ShouldBe(events);

        await using var query = app.Store.QuerySession(school.Id);
        var progress = (await query.Query<PupilProgress>().ToListAsync()).ToDictionary(p => p.Id);
        var records = (await query.Query<AupRecord>().ToListAsync()).ToDictionary(r => r.Id);
        var now = DateTimeOffset.UtcNow;
        // Every date falls in this school year, up to now: "this term" and "this school year" count them.
        progress.Values.SelectMany(p => p.Lessons.Values).Select(l => l.CompletedAt).OfType<DateTimeOffset>()
            .ShouldAllBe(at => StopThinkClick.Web.Schools.Settings.SchoolCalendar.England.IsCurrent(at, now) && at <= now);
        // A realistic spread: some far ahead, some who have done nothing alone, some wrong first answers.
        var done = school.Pupils.Select(p => progress.GetValueOrDefault(p.Id)?.CompletedLessons.Count() ?? 0).ToList();
        done.Max().ShouldBeGreaterThan(done.Min() + 3);
        progress.Values.Count(p => p.Quizzes.Values.Any(q => q.BestRightFirstTime < q.Questions)).ShouldBeGreaterThan(5);

        var teacherClass = school.Class(Band.Y4);
        var teacher = await SignInAsync(teacherClass.Teacher);
        var dashboard = await teacher.GetAsync($"/teacher/classes/{teacherClass.Id}");
        dashboard.Status.ShouldBe(HttpStatusCode.OK);
        var unsigned = teacherClass.Pupils.Where(p => records.GetValueOrDefault(p.Id)?.Signatures.Count is null or 0).ToList();
        unsigned.Count.ShouldBeInRange(1, teacherClass.Pupils.Count / 3); // most signed, a few were away
        foreach (var p in unsigned) dashboard.Body.ShouldContain(WebUtility.HtmlEncode(p.DisplayName));
        var sessions = await query.Query<LiveSessionSummary>().Where(s => s.ClassId == teacherClass.Id).ToListAsync();
        sessions.Count.ShouldBe(4); // the promise ceremony, a story vote and two lessons
        foreach (var p in teacherClass.Pupils.Where(p => sessions.Any(s => s.Absent.Contains(p.Id))))
            dashboard.Body.ShouldContain($"{WebUtility.HtmlEncode(p.DisplayName)}: missed {sessions.Count(s => s.Absent.Contains(p.Id))} of 4");

        var csv = (await teacher.GetAsync($"/coverage?handler=Csv&band={Band.Y4}")).Body;
        var percents = csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => int.Parse(l.Split(',')[4])).ToList();
        percents.Count(p => p > 0).ShouldBeGreaterThanOrEqualTo(3, csv);
        csv.Split('\n').Skip(1).Where(l => l.Length > 0).Sum(l => int.Parse(l.Split(',')[5])).ShouldBeGreaterThan(0, csv);

        var aup = await teacher.GetAsync($"/teacher/classes/{teacherClass.Id}/aup");
        aup.Body.ShouldContain($"{teacherClass.Pupils.Count - unsigned.Count} of {teacherClass.Pupils.Count} have signed this year's promises");
        var coSigned = teacherClass.Pupils.Count(p => records.GetValueOrDefault(p.Id)?.CoSignatures.Count > 0);
        coSigned.ShouldBeInRange(2, teacherClass.Pupils.Count - 2); // some families, not all
        aup.Body.ShouldContain($"Parents of {coSigned} have co-signed");

        var parentPlan = school.Adult(AdultRole.Parent);
        var parent = await SignInAsync(parentPlan);
        var child = parentPlan.ChildIds[0];
        var childPage = await parent.GetAsync($"/parent/children/{child}");
        childPage.Status.ShouldBe(HttpStatusCode.OK);
        var catalogue = app.Services.GetRequiredService<Catalogue>();
        var childProgress = progress[child];
        records[child].CoSignatures.ShouldNotBeEmpty();
        records[child].Consents.Values.ShouldContain(c => c.History.Count == 2 && !c.Given); // changed their mind once
        foreach (var lesson in childProgress.CompletedLessons.Select(catalogue.Lesson).OfType<Lesson>())
            childPage.Body.ShouldContain(WebUtility.HtmlEncode(lesson.Title));

        var concerns = await query.Query<Concern>().ToListAsync();
        concerns.Select(c => c.Status).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        concerns.ShouldContain(c => c.Status == ConcernStatus.Closed);
        var dsl = await SignInAsync(school.Adult(AdultRole.SafeguardingLead));
        var log = (await dsl.GetAsync("/safeguarding?show=all")).Body;
        foreach (var status in new[] { "New", "Acknowledged", "Action taken", "Closed" }.Where(s => concerns.Any(c => Words(c.Status) == s)))
            log.ShouldContain($"<span class=\"status-label\">{status}</span>");
        Regex.Count(log, "<tr class=\"status-").ShouldBe(concerns.Count);
    }

    static string Words(ConcernStatus s) => s switch { ConcernStatus.New => "New", ConcernStatus.Acknowledged => "Acknowledged", ConcernStatus.ActionTaken => "Action taken", _ => "Closed" };

    /// <summary>The first demo school's classes and sizes, under a tenant and e-mails of its own (the collection shares one database).</summary>
    async Task<SchoolPlan> DemoLikeSchoolAsync()
    {
        var demo = DemoSchools.Schools[0];
        var id = "d" + Guid.NewGuid().ToString("N")[..10];
        var plan = SchoolPlanner.Plan(id, demo.Name, $"{id}.test", demo.Classes, demo.Seed, "test-password-1");
        await SchoolSeeder.WriteAsync(app.Store, plan);
        TwoStepCodes.Remember(plan);
        return plan;
    }

    async Task<FormClient> SignInAsync(AdultPlan adult)
    {
        var client = FormClient.For(app);
        await client.SignInAdultAsync(adult.Email, adult.Password);
        return client;
    }

    async Task<int> EventCountAsync(string schoolId)
    {
        await using var query = app.Store.QuerySession(schoolId);
        return await query.Events.QueryAllRawEvents().CountAsync();
    }
}
