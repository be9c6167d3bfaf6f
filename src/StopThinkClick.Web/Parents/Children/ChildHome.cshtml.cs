using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents.Children;

/// <summary>
/// What my child did this term: lessons, stories, badges and promises — and the lessons' home
/// notes. Never their individual answers: a parent sees what was learned, not what went wrong.
/// </summary>
[Authorize(Policy = Policies.Parent)]
public sealed class ChildHomeModel(SchoolSessions sessions, Catalogue catalogue, TimeProvider clock, StopThinkClick.Web.Privacy.SubjectAccessExport export, Schools.Settings.SchoolContexts schools) : PageModel
{
    /// <summary>A parent can download everything held about their own child.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid pupilId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        if (await ParentChildren.OneAsync(school, User, pupilId, ct) is null) return NotFound();
        var data = await export.ForPupilAsync(sessions.CurrentSchoolId(), pupilId, User, ct);
        return data is null ? NotFound() : File(data, "application/json", $"my-child-{pupilId:N}.json");
    }

    public ParentChildren.Child? Child { get; private set; }
    public DateTimeOffset TermStart { get; private set; }
    public IReadOnlyList<(Lesson Lesson, bool InClass)> Lessons { get; private set; } = [];
    public IReadOnlyList<Scenario> Stories { get; private set; } = [];
    public IReadOnlyList<Badge> Badges { get; private set; } = [];
    public IReadOnlyList<Lesson> HomeNotes { get; private set; } = [];
    public bool Signed { get; private set; }

    public IReadOnlyList<AppGuide> AppGuidesOf(Lesson lesson) => catalogue.AppGuidesOf(lesson);
    public DateTimeOffset? CoSignedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid pupilId, CancellationToken ct)
    {
        await using var school = sessions.QueryCurrent();
        Child = await ParentChildren.OneAsync(school, User, pupilId, ct);
        if (Child is null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var now = clock.GetUtcNow();
        var calendar = (await schools.CurrentAsync(ct)).Calendar;
        TermStart = Terms.StartOf(now, calendar);
        var progress = await school.LoadAsync<PupilProgress>(pupilId, ct) ?? new PupilProgress { Id = pupilId };
        Lessons = progress.Lessons.Where(l => l.Value is { Completed: true } && l.Value.CompletedAt >= TermStart)
            .Select(l => (catalogue.Lesson(l.Key), l.Value.InClass)).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.InClass)).ToList();
        Stories = progress.Scenarios.Where(s => s.Value.Finishes > 0).Select(s => catalogue.Scenario(s.Key)).OfType<Scenario>().ToList();
        Badges = progress.Badges.Select(b => StopThinkClick.Web.Pupils.Progress.Badges.Find(b.Id)).OfType<Badge>().ToList();
        HomeNotes = Lessons.Select(l => l.Lesson).Take(6).ToList();
        var aup = AupStatus.For(await school.LoadAsync<AupRecord>(pupilId, ct) ?? new AupRecord { Id = pupilId }, Child.Class.Band, catalogue, now, calendar);
        Signed = aup.Pupil.Current;
        CoSignedAt = aup.CoSigned.Current ? aup.CoSigned.At : null;
        return Page();
    }
}

/// <summary>
/// School terms, roughly as English schools keep them: autumn from the school's first day, spring from
/// January, summer from mid-April, each from midnight at the school.
/// </summary>
public static class Terms
{
    public static DateTimeOffset StartOf(DateTimeOffset now, Schools.Settings.SchoolCalendar calendar)
    {
        var year = calendar.YearOf(now);
        var starts = new[] { calendar.StartOf(year), At(year + 1, 1, 1), At(year + 1, 4, 15) };
        return starts.Last(s => s <= now);

        DateTimeOffset At(int y, int month, int day)
        {
            var midnight = new DateTime(y, month, day);
            return new DateTimeOffset(midnight, calendar.Zone.GetUtcOffset(midnight));
        }
    }
}
