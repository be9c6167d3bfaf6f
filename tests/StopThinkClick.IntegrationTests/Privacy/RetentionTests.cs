using Marten;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Privacy.Retention;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn.Throttle;

namespace StopThinkClick.IntegrationTests.Privacy;

/// <summary>
/// The daily retention run, with the clock moved on: it deletes what the school's settings say is
/// due — leavers' learning records, old signatures, parents with no child left — and nothing else;
/// never a safeguarding concern, and never a leaver who still has an open one.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class RetentionTests(AppOnKestrel app)
{
    [Fact]
    public async Task Retention_deletes_what_is_due_and_nothing_else_and_never_a_safeguarding_concern()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 3), (Band.Y3, 2));
        var (leavers, staying) = (school.Classes[0], school.Classes[1]);
        var (leaver, worried, stayer) = (leavers.Pupils[1].Id, leavers.Pupils[2].Id, staying.Pupils[1].Id);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (leaversParent, stayersParent) = (Guid.NewGuid(), Guid.NewGuid());
        Guid oldSignature = Guid.NewGuid(), newSignature = Guid.NewGuid();

        await using (var session = app.Store.LightweightSession(school.Id))
        {
            var cls = (await session.LoadAsync<SchoolClass>(leavers.Id))!;
            session.Store(cls with { Left = true });
            foreach (var pupil in new[] { leaver, worried, stayer })
                session.Events.Append(pupil, new LessonStarted(pupil, "some-lesson", clock.GetUtcNow()), new LessonCompleted(pupil, "some-lesson", clock.GetUtcNow()));
            session.Store(new Signature(oldSignature, stayer, "Old", null, clock.GetUtcNow().AddMonths(-25)));
            session.Store(new Signature(newSignature, stayer, "New", null, clock.GetUtcNow().AddMonths(-1)));
            session.Store(new Parent(leaversParent, "Leaver's Parent", [leaver]), new Parent(stayersParent, "Stayer's Parent", [stayer]));
            session.Store(new AdultAccount($"{leaversParent:N}@{school.Id}.test", school.Id, leaversParent, AdultRole.Parent, "x"));
            await session.SaveChangesAsync();
            var closedConcern = await RaiseConcern.StoreAsync(session, new ConcernRaised(Guid.NewGuid(), ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice, leaver, leavers.Id, null, null, false, clock.GetUtcNow()), null, default);
            session.Events.Append(closedConcern, new ConcernClosed(closedConcern, Guid.NewGuid(), "resolved-in-school", clock.GetUtcNow()));
            await session.SaveChangesAsync();
            await RaiseConcern.StoreAsync(session, new ConcernRaised(Guid.NewGuid(), ConcernTopics.SomeoneUnkind, ConcernSource.PupilDevice, worried, leavers.Id, null, null, false, clock.GetUtcNow()), "they keep messaging me", default);
        }
        var concernsBefore = await ConcernsAsync(school.Id);

        // Day one: the class's clock starts; only the 25-month-old signature is past its 24 months.
        (await RunAsync(school.Id, clock)).ShouldBe(new RetentionReport(school.Id, 0, 0, 1, 0));
        await using (var q = app.Store.QuerySession(school.Id))
        {
            (await q.LoadAsync<Signature>(oldSignature)).ShouldBeNull();
            (await q.LoadAsync<Signature>(newSignature)).ShouldNotBeNull();
        }

        clock.Now = clock.Now.AddMonths(5);
        (await RunAsync(school.Id, clock)).ShouldBe(new RetentionReport(school.Id, 0, 0, 0, 0));

        // Six months after the class left: its pupils are erased, except the one with an open concern.
        clock.Now = clock.Now.AddMonths(1).AddDays(1);
        (await RunAsync(school.Id, clock)).ShouldBe(new RetentionReport(school.Id, 2, 1, 0, 0));
        await using (var q = app.Store.QuerySession(school.Id))
        {
            (await q.LoadAsync<Pupil>(leaver))!.Erased.ShouldBeTrue();
            (await q.LoadAsync<Pupil>(worried))!.Erased.ShouldBeFalse();
            (await q.Events.FetchStreamAsync(worried)).Count.ShouldBe(2);
            (await q.Query<Pupil>().Where(p => p.ClassId == staying.Id && !p.Erased).CountAsync()).ShouldBe(2);
            (await q.Events.FetchStreamAsync(stayer)).Count.ShouldBe(2);
            (await q.LoadAsync<PupilProgress>(stayer)).ShouldNotBeNull();
            (await q.LoadAsync<Parent>(leaversParent))!.ChildIds.ShouldBeEmpty();
            (await q.Query<AccessRecord>().Where(r => r.What == AccessKind.RetentionErasure).ToListAsync()).Select(r => r.PupilId).ShouldBe([leavers.Pupils[0].Id, (Guid?)leaver], ignoreOrder: true);
        }
        (await ConcernsAsync(school.Id)).ShouldBe(concernsBefore);

        // Three months after the leaver's parent had no child left: their account and name go; nobody else's.
        clock.Now = clock.Now.AddMonths(3).AddDays(1);
        (await RunAsync(school.Id, clock)).ShouldBe(new RetentionReport(school.Id, 0, 1, 0, 1));
        await using (var q = app.Store.QuerySession(school.Id))
        {
            (await q.LoadAsync<Parent>(leaversParent)).ShouldBeNull();
            (await q.Query<AdultAccount>().Where(a => a.PersonId == leaversParent).AnyAsync()).ShouldBeFalse();
            (await q.LoadAsync<Parent>(stayersParent)).ShouldNotBeNull();
            (await q.LoadAsync<Signature>(newSignature)).ShouldNotBeNull();
        }
        (await ConcernsAsync(school.Id)).ShouldBe(concernsBefore);
    }

    [Fact]
    public async Task A_school_that_keeps_learning_records_longer_keeps_them_until_its_own_period_ends()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 2));
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using (var session = app.Store.LightweightSession(school.Id))
        {
            session.Store(RetentionSettings.Defaults with { LearningRecordsMonthsAfterLeaving = 12 });
            session.Store((await session.LoadAsync<SchoolClass>(school.Classes[0].Id))! with { Left = true });
            await session.SaveChangesAsync();
        }
        await RunAsync(school.Id, clock);
        clock.Now = clock.Now.AddMonths(7);
        (await RunAsync(school.Id, clock)).PupilsErased.ShouldBe(0);
        clock.Now = clock.Now.AddMonths(5);
        (await RunAsync(school.Id, clock)).PupilsErased.ShouldBe(2);
    }

    [Fact]
    public async Task A_closed_staff_account_loses_its_sign_in_after_twelve_months_and_the_staff_name_stays()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var leaver = school.Adults.First(a => a.Role == AdultRole.Teacher);
        var stays = school.Adults.First(a => a.Role == AdultRole.SchoolAdmin);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using (var session = app.Store.LightweightSession(school.Id))
        {
            var account = await session.Query<AdultAccount>().SingleAsync(a => a.PersonId == leaver.Id);
            session.Store(account with { Deactivated = true });
            await session.SaveChangesAsync();
        }
        (await RunAsync(school.Id, clock)).StaffAccountsDeleted.ShouldBe(0);
        clock.Now = clock.Now.AddMonths(11);
        (await RunAsync(school.Id, clock)).StaffAccountsDeleted.ShouldBe(0);
        clock.Now = clock.Now.AddMonths(1).AddDays(1);
        (await RunAsync(school.Id, clock)).StaffAccountsDeleted.ShouldBe(1);

        await using var q = app.Store.QuerySession(school.Id);
        (await q.Query<AdultAccount>().AnyAsync(a => a.PersonId == leaver.Id)).ShouldBeFalse();
        (await q.LoadAsync<StaffMember>(leaver.Id)).ShouldNotBeNull();
        (await q.Query<AdultAccount>().AnyAsync(a => a.PersonId == stays.Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task Wrong_try_counters_that_can_no_longer_pause_anyone_are_deleted_and_live_ones_stay()
    {
        var now = DateTimeOffset.UtcNow;
        var key = Guid.NewGuid().ToString("N");
        TryCounter Counter(string name, DateTimeOffset? window, DateTimeOffset? lockedUntil) =>
            new($"test:{key}:{name}") { Tries = 3, WindowStart = window, Strikes = lockedUntil is null ? 0 : 1, LockedUntil = lockedUntil };
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(Counter("forgotten", now.AddDays(-3), null));
            session.Store(Counter("paused-long-ago", now.AddDays(-3), now.AddDays(-2)));
            session.Store(Counter("counting-now", now.AddMinutes(-5), null));
            session.Store(Counter("paused-yesterday", now.AddHours(-30), now.AddHours(-20)));
            await session.SaveChangesAsync();
        }
        using var scope = app.Services.CreateScope();
        var run = ActivatorUtilities.CreateInstance<RetentionRun>(scope.ServiceProvider, new ManualClock(now));

        (await run.PruneTryCountersAsync(default)).ShouldBeGreaterThanOrEqualTo(2);

        await using var q = app.Store.QuerySession();
        var left = await q.Query<TryCounter>().Where(c => c.Id.StartsWith($"test:{key}:")).Select(c => c.Id).ToListAsync();
        left.Select(id => id.Split(':')[2]).ShouldBe(["counting-now", "paused-yesterday"], ignoreOrder: true,
            "a pause ended less than a day ago still lengthens the next one");
    }

    [Fact]
    public async Task The_school_admin_sets_the_schools_periods_and_a_period_out_of_range_changes_nothing()
    {
        var school = await app.NewSchoolAsync((Band.Y6, 1));
        var adminPlan = school.Adults.First(a => a.Role == AdultRole.SchoolAdmin);
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(adminPlan.Email, adminPlan.Password);

        var saved = await admin.PostFormAsync("/admin/retention", new Dictionary<string, string> { ["learningRecordsMonths"] = "12", ["signatureMonths"] = "36", ["parentMonths"] = "2", ["staffMonths"] = "6" });
        saved.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        saved.Body.ShouldContain("apply from tonight");
        var refused = await admin.PostFormAsync("/admin/retention", new Dictionary<string, string> { ["learningRecordsMonths"] = "3", ["signatureMonths"] = "0", ["parentMonths"] = "1", ["staffMonths"] = "6" });
        refused.Status.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("Pupils&#x27; signatures: choose between 12 and 120 months. Nothing was changed.");

        await using var q = app.Store.QuerySession(school.Id);
        (await q.LoadAsync<RetentionSettings>(RetentionSettings.DocumentId)).ShouldBe(RetentionSettings.Defaults with { LearningRecordsMonthsAfterLeaving = 12, AupSignatureMonths = 36, ParentAccountMonthsWithoutChildren = 2, StaffAccountMonthsAfterClosing = 6 });
    }

    [Fact]
    public void Encrypted_backups_older_than_the_servers_period_are_deleted_and_nothing_else_in_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("stc-backups-");
        try
        {
            var clock = new ManualClock(DateTimeOffset.UtcNow);
            string File(string name, int daysOld)
            {
                var path = Path.Combine(folder.FullName, name);
                System.IO.File.WriteAllText(path, "x");
                System.IO.File.SetLastWriteTimeUtc(path, clock.Now.AddDays(-daysOld).UtcDateTime);
                return path;
            }
            var (old, recent, notABackup) = (File("stc-old.age", 36), File("stc-recent.age", 34), File("notes.txt", 400));
            using var scope = app.Services.CreateScope();
            var run = ActivatorUtilities.CreateInstance<RetentionRun>(scope.ServiceProvider, clock,
                Microsoft.Extensions.Options.Options.Create(new RetentionOptions { BackupFolder = folder.FullName, BackupDays = 35 }));

            run.PruneBackups().ShouldBe(1);
            System.IO.File.Exists(old).ShouldBeFalse();
            System.IO.File.Exists(recent).ShouldBeTrue();
            System.IO.File.Exists(notABackup).ShouldBeTrue();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    async Task<RetentionReport> RunAsync(string schoolId, TimeProvider clock)
    {
        using var scope = app.Services.CreateScope();
        var run = ActivatorUtilities.CreateInstance<RetentionRun>(scope.ServiceProvider, clock);
        return await run.RunForSchoolAsync(schoolId, default);
    }

    /// <summary>Every concern of the school with its status and the number of events on its stream.</summary>
    async Task<string> ConcernsAsync(string schoolId)
    {
        await using var q = app.Store.QuerySession(schoolId);
        var concerns = await q.Query<Concern>().ToListAsync();
        var parts = new List<string>();
        foreach (var c in concerns.OrderBy(c => c.Id))
            parts.Add($"{c.Id}:{c.Status}:{c.PupilId}:{(await q.Events.FetchStreamAsync(c.Id)).Count}");
        parts.Add("texts:" + await q.Query<ConcernText>().CountAsync());
        return string.Join("|", parts);
    }

    sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
