using Marten;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Schools;

/// <summary>Conjoined tenancy: a session opened for one school cannot see another school's documents or events.</summary>
[Collection(nameof(AppCollection))]
public sealed class TenancyTests(AppOnKestrel app)
{
    sealed record Touched(Guid PupilId, DateTimeOffset At);

    [Fact]
    public async Task A_school_session_sees_only_its_own_pupils()
    {
        var a = await app.NewSchoolAsync();
        var b = await app.NewSchoolAsync();

        await using var sessionA = app.Store.QuerySession(a.Id);
        var pupilsSeenByA = await sessionA.Query<Pupil>().ToListAsync();
        var pupilOfB = await sessionA.LoadAsync<Pupil>(b.Pupils.First().Id);

        pupilsSeenByA.Select(p => p.Id).ShouldBe(a.Pupils.Select(p => p.Id), ignoreOrder: true);
        pupilOfB.ShouldBeNull();
    }

    [Fact]
    public async Task A_school_session_cannot_read_another_schools_event_stream()
    {
        var a = await app.NewSchoolAsync();
        var b = await app.NewSchoolAsync();
        var stream = Guid.CreateVersion7();
        await using (var write = app.Store.LightweightSession(a.Id))
        {
            write.Events.Append(stream, new Touched(a.Pupils.First().Id, DateTimeOffset.UtcNow));
            await write.SaveChangesAsync();
        }

        await using var readA = app.Store.QuerySession(a.Id);
        await using var readB = app.Store.QuerySession(b.Id);
        (await readA.Events.FetchStreamAsync(stream)).Count.ShouldBe(1);
        (await readB.Events.FetchStreamAsync(stream)).ShouldBeEmpty();
    }
}
