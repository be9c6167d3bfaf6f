using System.Runtime.CompilerServices;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Schools;
using Xunit.Abstractions;

namespace StopThinkClick.IntegrationTests.Live;

/// <summary>A node that runs sessions all day gives their memory back: ended sessions at once, idle ones when swept.</summary>
[Collection(nameof(AppCollection))]
public sealed class EvictionTests(AppOnKestrel app, ITestOutputHelper output)
{
    const int Sessions = 1000;

    [Fact]
    public async Task A_thousand_sessions_started_and_ended_leave_no_session_and_their_memory_in_the_node()
    {
        var (schoolId, cls, lessonId) = await ClassAsync();
        var sessions = app.Services.GetRequiredService<LiveSessions>();
        var lifecycle = app.Services.GetRequiredService<LiveSessionLifecycle>();
        sessions.EvictIdle(TimeSpan.Zero);
        var baseline = sessions.Count;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var ids = new Guid[Sessions];
        await Parallel.ForAsync(0, Sessions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            ids[i] = (await lifecycle.StartAsync(schoolId, cls.TeacherIds[0], cls, LiveKind.Lesson, lessonId, ct)).SessionId!.Value);
        var alive = await LoadAllAsync(sessions, schoolId, ids);
        sessions.Count.ShouldBe(baseline + Sessions);
        var memoryLoaded = GC.GetTotalMemory(forceFullCollection: true);

        await Parallel.ForAsync(0, Sessions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var live = (await sessions.GetAsync(schoolId, ids[i], ct))!;
            (await lifecycle.EndAsync(live, ct)).Refused.ShouldBeFalse();
        });
        sessions.Count.ShouldBe(baseline, "an ended session is let go at once");
        // The last screens' pushes may still be on their way; then nothing may hold on to an ended session.
        await Eventually.TrueAsync(() => { GC.Collect(); GC.WaitForPendingFinalizers(); return alive.All(w => !w.TryGetTarget(out _)); },
            "every ended session is collected");
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"memory: {memoryBefore / 1024} KiB before, {memoryLoaded / 1024} KiB with {Sessions} sessions, {memoryAfter / 1024} KiB after ending them");
        memoryAfter.ShouldBeLessThan(memoryLoaded);

        // A late look at an ended session (the board's closing slide) shows it without keeping it.
        (await sessions.GetAsync(schoolId, ids[0]))!.State.Ended.ShouldBeTrue();
        sessions.Count.ShouldBe(baseline);
        await using var query = app.Store.QuerySession(schoolId);
        (await query.Query<LiveSessionCard>().Where(c => c.ClassId == cls.Id && c.EndedAt == null).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Idle_sessions_are_let_go_and_come_back_from_their_stream_as_they_were()
    {
        var (schoolId, cls, lessonId) = await ClassAsync();
        var sessions = app.Services.GetRequiredService<LiveSessions>();
        var lifecycle = app.Services.GetRequiredService<LiveSessionLifecycle>();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++) ids.Add((await lifecycle.StartAsync(schoolId, cls.TeacherIds[0], cls, LiveKind.Lesson, lessonId, default)).SessionId!.Value);
        foreach (var id in ids)
        {
            var live = (await sessions.GetAsync(schoolId, id))!;
            (await live.SendAsync(new LiveCommand(s => LiveDecider.Next(s, live.Script, DateTimeOffset.UtcNow)))).Refused.ShouldBeFalse();
        }
        sessions.EvictIdle(TimeSpan.FromHours(1)).ShouldBe(0, "nothing has been idle that long");
        await Eventually.TrueAsync(() => { sessions.EvictIdle(TimeSpan.Zero); return sessions.Count == 0; }, "every idle session is let go");

        var back = (await sessions.GetAsync(schoolId, ids[^1]))!;
        back.State.Slide.ShouldBe(1, "folded again from its stream");
        back.Version.ShouldBe(1);
        sessions.Count.ShouldBe(1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static async Task<List<WeakReference<LiveSession>>> LoadAllAsync(LiveSessions sessions, string schoolId, Guid[] ids)
    {
        var refs = new List<WeakReference<LiveSession>>();
        foreach (var id in ids) refs.Add(new WeakReference<LiveSession>((await sessions.GetAsync(schoolId, id))!));
        return refs;
    }

    async Task<(string SchoolId, SchoolClass Class, string LessonId)> ClassAsync()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 4));
        await using var query = app.Store.QuerySession(school.Id);
        var cls = (await query.LoadAsync<SchoolClass>(school.Classes[0].Id))!;
        return (school.Id, cls, app.Catalogue().LessonsFor(Band.Y3).First().Id);
    }
}
