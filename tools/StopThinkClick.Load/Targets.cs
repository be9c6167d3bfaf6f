using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Load;

/// <summary>One class in the load: its teacher's and pupils' cookies (empty for the bare hub).</summary>
sealed record Room(ClassPlan? Class, CookieContainer Teacher, IReadOnlyList<CookieContainer> Pupils);

/// <summary>What the harness drives: the real app on one or more nodes, or a baseline hub.</summary>
interface ITarget : IAsyncDisposable
{
    string Name { get; }
    /// <summary>The first node: sign-in, starting sessions and the pages go here.</summary>
    string BaseUrl { get; }
    /// <summary>The node the n-th client connects to, so pupils and consoles spread over every node.</summary>
    string NodeFor(int n);
    IReadOnlyList<int> ProcessIds { get; }
    Task<Guid> StartSessionAsync(Room room, string kind, string itemId);
}

/// <summary>The app as its own process; with more than one, the nodes share the database and a private Redis.</summary>
sealed class AppTarget(IReadOnlyList<ExternalApp> apps, IAsyncDisposable? redis = null) : ITarget
{
    public string Name => apps.Count == 1 ? "StopThinkClick" : $"StopThinkClick on {apps.Count} nodes";
    public string BaseUrl => apps[0].BaseUrl;
    public string NodeFor(int n) => apps[n % apps.Count].BaseUrl;
    public IReadOnlyList<int> ProcessIds => apps.Select(a => a.ProcessId).ToList();

    public async Task<Guid> StartSessionAsync(Room room, string kind, string itemId)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = room.Teacher }) { BaseAddress = new Uri(BaseUrl) };
        var teacher = new FormClient(http, room.Teacher);
        var started = await teacher.PostFormAsync($"/teacher/classes/{room.Class!.Id}/live", new Dictionary<string, string> { ["kind"] = kind, ["itemId"] = itemId });
        if (started.Status != HttpStatusCode.Redirect) throw new InvalidOperationException($"Could not start a {kind}: {started.Status}");
        return Guid.Parse(started.Location!.Split('/')[2]);
    }

    /// <summary>Signs every teacher and pupil in over HTTP, as the tablets do, keeping their cookies.</summary>
    public async Task<List<Room>> SignInAsync(IReadOnlyList<ClassPlan> classes)
    {
        var rooms = new Room[classes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, classes.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var c = classes[i];
            var teacher = FormClient.For(BaseUrl);
            await teacher.SignInAdultAsync(c.Teacher.Email, c.Teacher.Password);
            teacher.Http.Dispose();
            var pupils = new List<CookieContainer>();
            foreach (var p in c.Pupils)
            {
                var pupil = FormClient.For(BaseUrl);
                await pupil.SignInPupilAsync(p.CardSecret);
                pupil.Http.Dispose();
                pupils.Add(pupil.Cookies);
            }
            rooms[i] = new Room(c, teacher.Cookies, pupils);
        });
        return [.. rooms];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps) await app.DisposeAsync();
        if (redis is not null) await redis.DisposeAsync();
    }
}

sealed class BareHubTarget : ITarget
{
    readonly Process process;

    public string Name { get; }
    public string BaseUrl { get; }
    public string NodeFor(int n) => BaseUrl;
    public IReadOnlyList<int> ProcessIds => [process.Id];

    BareHubTarget(Process process, string baseUrl, string name) => (this.process, BaseUrl, Name) = (process, baseUrl, name);

    /// <summary>The bare hub, or with <paramref name="durableConnection"/> the durable one, which stores each answer before acknowledging.</summary>
    public static async Task<BareHubTarget> StartAsync(string? durableConnection = null)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        string[] arguments = durableConnection is null
            ? [typeof(BareHub).Assembly.Location, "--bare-hub", url]
            : [typeof(BareHub).Assembly.Location, "--bare-hub", url, "--durable", durableConnection];
        var process = Process.Start(new ProcessStartInfo("dotnet", arguments)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            // The same garbage collector settings as the app, so memory is compared like for like.
            Environment = { ["DOTNET_gcServer"] = Environment.GetEnvironmentVariable("STC_BENCH_GC_SERVER") ?? "1" },
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("bare hub: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/health/ready")).IsSuccessStatusCode)
                    return new BareHubTarget(process, url, durableConnection is null ? "bare hub" : "durable bare hub");
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The bare hub did not start");
    }

    public Task<Guid> StartSessionAsync(Room room, string kind, string itemId) => Task.FromResult(Guid.NewGuid());

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
