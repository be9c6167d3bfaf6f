using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Load;
using StopThinkClick.TestSupport;

// ./stc bench [--classrooms 100] [--pupils 30] [--realistic 60] [--interval 15] [--nodes 1] [--out docs/performance.md]
if (args is ["--bare-hub", var url, ..] && args.Length is 2 or 4)
{
    await BareHub.ServeAsync(url, args.Length == 4 && args[2] == "--durable" ? args[3] : null);
    return 0;
}
var options = Options.Parse(args);
Console.WriteLine($"StopThinkClick load harness: {options.Classrooms} classrooms x {options.Pupils} pupils");

var bench = new BenchDatabase();
await bench.InitializeAsync();
var catalogue = bench.Services.GetRequiredService<Catalogue>();
var quiz = new[] { Band.Y5, Band.Y6 }.SelectMany(catalogue.LessonsFor).Select(l => catalogue.Quiz(l.QuizId)!)
    .OrderByDescending(q => q.Questions.Count).First();
var story = catalogue.ScenariosFor(Band.Y5).First();
Console.WriteLine($"Quiz '{quiz.Title}' ({quiz.Questions.Count} questions), story '{story.Title}'");

var seeding = Stopwatch.StartNew();
var classes = new List<ClassPlan>();
for (var left = options.Classrooms; left > 0; left -= 10)
{
    var school = await bench.NewSchoolAsync(Enumerable.Repeat((Band.Y5, options.Pupils), Math.Min(10, left)).ToArray());
    classes.AddRange(school.Classes);
}
Console.WriteLine($"Seeded {classes.Count} classes in {seeding.Elapsed.TotalSeconds:0} s");

// The app as its own process, as a school runs it, so its CPU and memory are its own. On more than
// one node, every node shares the database and a private redis-server (ScaleOut__Redis), as
// docs/operations.md describes, and the pupils are spread over them.
var appTarget = await StartAppAsync(bench.ConnectionString, options.Nodes);
var signIn = Stopwatch.StartNew();
var rooms = await appTarget.SignInAsync(classes);
Console.WriteLine($"Signed in {rooms.Sum(r => r.Pupils.Count)} pupils and {rooms.Count} teachers in {signIn.Elapsed.TotalSeconds:0} s");

Console.WriteLine("Live load against StopThinkClick");
var ours = await new LivePhases(appTarget, rooms, quiz, story, options).RunAsync();
var (stored, lost, duplicated) = await Persisted.CheckAsync(bench.ConnectionString, ours.AckedAnswers);
Console.WriteLine($"  zero-lost check: {ours.AckedAnswers.Count} acknowledged, {stored} stored, {lost} lost, {duplicated} stored twice");

Console.WriteLine("HTTP pages (wrk)");
var pages = await Pages.BenchAsync(appTarget, rooms[0], catalogue, options);
foreach (var p in pages) Console.WriteLine($"  {p.Page}: {p.RequestsPerSecond:0} req/s, p50 {p.P50:0.00} ms, p95 {p.P95:0.00} ms, p99 {p.P99:0.00} ms, errors {p.Errors}");
await appTarget.DisposeAsync();

// Two baselines in the same run: the bare hub (never stores an answer) and the durable bare hub
// (stores each answer with raw Npgsql through a group commit before acknowledging, as we do).
var bareRooms = rooms.Select(r => new Room(null, new(), r.Pupils.Select(_ => new System.Net.CookieContainer()).ToList())).ToList();
Console.WriteLine("Live load against the bare hub (baseline: nothing stored)");
LiveResults baseline;
await using (var bare = await BareHubTarget.StartAsync())
    baseline = await new LivePhases(bare, bareRooms, quiz, story, options).RunAsync();
Console.WriteLine("Live load against the durable bare hub (baseline: each answer committed before the acknowledgement)");
LiveResults durable;
await using (var durableHub = await BareHubTarget.StartAsync(bench.ConnectionString))
    durable = await new LivePhases(durableHub, bareRooms, quiz, story, options).RunAsync();
var durableCheck = await DurableAnswers.CheckAsync(bench.ConnectionString, durable.AckedAnswers);
Console.WriteLine($"  zero-lost check (durable baseline): {durable.AckedAnswers.Count} acknowledged, {durableCheck.Stored} rows, {durableCheck.Lost} lost");

var report = Report.Write(options, new Runs(ours, baseline, durable), pages, (stored, lost, duplicated), quiz);
Console.WriteLine($"Figures written to {options.Out}");
Console.WriteLine(report);
await ((Xunit.IAsyncLifetime)bench).DisposeAsync();
return 0;

static async Task<AppTarget> StartAppAsync(string connectionString, int nodes)
{
    if (nodes == 1)
    {
        var single = new ExternalApp(connectionString);
        await single.StartAsync();
        return new AppTarget([single]);
    }
    var redis = await LocalRedis.StartAsync();
    var apps = Enumerable.Range(0, nodes).Select(_ => new ExternalApp(connectionString, new Dictionary<string, string> { ["ScaleOut__Redis"] = redis.Configuration })).ToList();
    foreach (var app in apps) await app.StartAsync();
    Console.WriteLine($"{nodes} nodes ({string.Join(", ", apps.Select(a => a.BaseUrl))}) sharing the database and redis-server on port {redis.Port}");
    return new AppTarget(apps, redis);
}

namespace StopThinkClick.Load
{
    sealed record Options(int Classrooms, int Pupils, int RealisticSeconds, int IntervalSeconds, int HttpSeconds, int Nodes, string Out)
    {
        public static Options Parse(string[] args)
        {
            string Get(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            return new Options(int.Parse(Get("--classrooms", "100")), int.Parse(Get("--pupils", "30")), int.Parse(Get("--realistic", "60")),
                int.Parse(Get("--interval", "15")), int.Parse(Get("--http-seconds", "10")), Math.Max(1, int.Parse(Get("--nodes", "1"))), Get("--out", "docs/performance.md"));
        }
    }

    /// <summary>One run's live figures: ours and the two baselines.</summary>
    sealed record Runs(LiveResults Ours, LiveResults Bare, LiveResults Durable);

    /// <summary>A fresh database on the test cluster, with the app's schema, for seeding the schools.</summary>
    sealed class BenchDatabase : AppOnKestrel
    {
        protected override string Purpose => "bench";
    }

    /// <summary>Every acknowledged answer must be an answer event in Marten, exactly once.</summary>
    static class Persisted
    {
        public static async Task<(int Stored, int Lost, int Duplicated)> CheckAsync(string connectionString, IEnumerable<Guid> acked)
        {
            await using var db = NpgsqlDataSource.Create(connectionString);
            await using var cmd = db.CreateCommand(
                "select coalesce(data->>'AnswerId', data->>'answerId') from stc.mt_events where type = 'live_answer_received'");
            var stored = new List<Guid>();
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) stored.Add(Guid.Parse(reader.GetString(0)));
            var set = stored.ToHashSet();
            return (stored.Count, acked.Count(id => !set.Contains(id)), stored.Count - set.Count);
        }
    }
}
