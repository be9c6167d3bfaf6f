using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marten;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Pupils;

/// <summary>
/// The pupil home: their band's lessons and stories and what their teacher set, each with how far
/// they got, "carry on where I was", and their badges. Built from the PupilProgress projection.
/// </summary>
[Authorize(Policy = Policies.Pupil)]
public sealed class HomeModel(Catalogue catalogue, PupilActions actions, SchoolSessions sessions) : PageModel
{
    public sealed record Tile(string Title, string Url, string Picture, string Status, bool Started, bool Done);

    public IReadOnlyList<Tile> LessonTiles { get; private set; } = [];
    public IReadOnlyList<Tile> StoryTiles { get; private set; } = [];
    public IReadOnlyList<Tile> SetWork { get; private set; } = [];
    public Tile? CarryOn { get; private set; }
    public IReadOnlyList<Badge> Badges { get; private set; } = [];
    public LiveSessionCard? Live { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var progress = await actions.ProgressAsync(User.PersonId(), ct);
        var band = User.Band();
        LessonTiles = catalogue.LessonsFor(band).Select(l => TileOf(l, progress)).ToList();
        StoryTiles = catalogue.ScenariosFor(band).Select(s => TileOf(s, progress)).ToList();
        await using (var school = sessions.QueryCurrent())
        {
            var classId = User.ClassId();
            Live = await school.Query<LiveSessionCard>().Where(c => c.ClassId == classId && c.EndedAt == null)
                .OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(ct);
            SetWork = (await PupilAccess.SetForAsync(school, User, ct))
                .Select(w => catalogue.Item(w.ItemId)).OfType<ContentItem>().DistinctBy(i => i.Id)
                .Select(i => TileOf(i, progress)).ToList();
        }
        Badges = progress.Badges.Select(b => Progress.Badges.Find(b.Id)).OfType<Badge>().ToList();
        if (progress.Last is { } last && catalogue.Item(last.ItemId) is { } item && TileOf(item, progress) is { Done: false } tile)
            CarryOn = tile;
    }

    Tile TileOf(ContentItem item, PupilProgress progress) => item switch
    {
        Lesson l => LessonTile(l, progress),
        Quiz q => QuizTile(q, progress),
        Scenario s => StoryTile(s, progress),
        _ => new Tile(item.Title, "/pupil", "/pictures/star.svg", "", false, false),
    };

    static Tile LessonTile(Lesson lesson, PupilProgress progress)
    {
        var p = progress.Lessons.GetValueOrDefault(lesson.Id);
        var picture = lesson.Picture?.Url ?? "/pictures/book.svg";
        if (p is null) return new Tile(lesson.Title, $"/pupil/lessons/{lesson.Id}", picture, "New", false, false);
        if (p.Completed)
        {
            var quizDone = progress.Quizzes.GetValueOrDefault(lesson.QuizId)?.Completions > 0;
            return new Tile(lesson.Title, $"/pupil/lessons/{lesson.Id}", picture, quizDone ? "Finished, quiz done" : "Finished — try the quiz", true, quizDone);
        }
        return new Tile(lesson.Title, $"/pupil/lessons/{lesson.Id}/{p.LastStep}", picture, $"Page {p.LastStep} of {lesson.Steps.Count}", true, false);
    }

    static Tile QuizTile(Quiz quiz, PupilProgress progress)
    {
        var p = progress.Quizzes.GetValueOrDefault(quiz.Id);
        var status = p is null ? "New quiz" : p.Current is { Finished: false } ? "Quiz started" : "Quiz done";
        return new Tile(quiz.Title, $"/pupil/quizzes/{quiz.Id}", "/pictures/question.svg", status, p is not null, p?.Completions > 0 && p.Current is not { Finished: false });
    }

    static Tile StoryTile(Scenario scenario, PupilProgress progress)
    {
        var p = progress.Scenarios.GetValueOrDefault(scenario.Id);
        var picture = (scenario.Start.Picture ?? scenario.Characters.FirstOrDefault()?.Picture)?.Url ?? "/pictures/book.svg";
        var status = p is null ? "New story" : p.Current is { Finished: false } ? "Story started" : "Story finished";
        var url = p?.Current is { Finished: false } run ? $"/pupil/scenarios/{scenario.Id}/{run.Id}" : $"/pupil/scenarios/{scenario.Id}";
        return new Tile(scenario.Title, url, picture, status, p is not null, p?.Finishes > 0 && p.Current is not { Finished: false });
    }
}
