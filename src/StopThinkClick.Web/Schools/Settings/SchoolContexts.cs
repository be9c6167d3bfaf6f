using Marten;
using Microsoft.Extensions.Caching.Memory;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Web.Schools.Settings;

/// <summary>A school's settings, ready to use: its time zone, calendar and address.</summary>
public sealed class SchoolContext(SchoolSettings settings)
{
    public SchoolSettings Settings { get; } = settings;
    public string SchoolId => Settings.Id;
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
    public SchoolCalendar Calendar => calendar ??= new SchoolCalendar(Settings.YearStartMonth, Settings.YearStartDay, Zone);
    SchoolCalendar? calendar;

    /// <summary>The moment as the school's clocks show it: use it for every date and time put on a page.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
}

/// <summary>
/// The one way to read a school's settings (<see cref="SchoolSettings"/>): <see cref="ForAsync"/> for a
/// school named, <see cref="CurrentAsync"/> for the signed-in user's. Kept in memory for a minute per
/// node (a page shows many dates; the dashboard is served thousands of times a minute); a change made
/// through <see cref="SaveAsync"/> shows at once on the node that made it, within the minute elsewhere.
/// </summary>
public sealed class SchoolContexts(IDocumentStore store, IMemoryCache cache, IHttpContextAccessor http)
{
    static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    public async Task<SchoolContext> ForAsync(string schoolId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(schoolId), out SchoolContext? kept)) return kept!;
        await using var query = store.QuerySession(schoolId);
        var settings = await query.LoadAsync<SchoolSettings>(schoolId, ct) ?? new SchoolSettings(schoolId);
        return cache.Set(Key(schoolId), new SchoolContext(settings), KeptFor);
    }

    /// <summary>The signed-in user's school.</summary>
    public Task<SchoolContext> CurrentAsync(CancellationToken ct = default) =>
        ForAsync(http.HttpContext?.User.FindFirst(SchoolClaims.School)?.Value
                 ?? throw new InvalidOperationException("No signed-in school: this request has no school's settings."), ct);

    public async Task SaveAsync(SchoolSettings settings, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession(settings.Id);
        session.Store(settings);
        await session.SaveChangesAsync(ct);
        Forget(settings.Id);
    }

    /// <summary>Drops this node's copy, after a change written some other way (the school's set-up).</summary>
    public void Forget(string schoolId) => cache.Remove(Key(schoolId));

    static string Key(string schoolId) => "school-settings:" + schoolId;
}
