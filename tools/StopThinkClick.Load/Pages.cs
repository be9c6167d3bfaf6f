using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Load;

/// <summary>The three pages a school leans on hardest: a pupil's lesson step, the board, the class dashboard.</summary>
static class Pages
{
    public static async Task<List<PageResult>> BenchAsync(AppTarget app, Room room, Catalogue catalogue, Options options)
    {
        var uri = new Uri(app.BaseUrl);
        var pupil = room.Pupils[0].GetCookieHeader(uri);
        var teacher = room.Teacher.GetCookieHeader(uri);
        var lesson = catalogue.LessonsFor(Band.Y5).First();
        var live = await app.StartSessionAsync(room, "Lesson", lesson.Id);
        (string Page, string Path, string Cookie)[] pages =
        [
            ("Pupil lesson step", $"/pupil/lessons/{lesson.Id}/1", pupil),
            ("Board (projector)", $"/live/{live}/board", teacher),
            ("Class dashboard", $"/teacher/classes/{room.Class!.Id}", teacher),
        ];
        var results = new List<PageResult>();
        foreach (var (page, path, cookie) in pages)
            results.Add(await HttpBench.RunAsync(page, app.BaseUrl, path, cookie, options.HttpSeconds, connections: 16));
        return results;
    }
}
