using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.Load;

/// <summary>One class in the load: its teacher's and pupils' cookies (empty for the bare hub).</summary>
sealed record Room(ClassPlan? Class, CookieContainer Teacher, IReadOnlyList<CookieContainer> Pupils);

/// <summary>What the harness drives: the real app, or the bare hub.</summary>
interface ITarget : IAsyncDisposable
{
    string Name { get; }
    string BaseUrl { get; }
    int ProcessId { get; }
    Task<Guid> StartSessionAsync(Room room, string kind, string itemId);
}

sealed class AppTarget(ExternalApp app) : ITarget
{
    public string Name => "StopThinkClick";
    public string BaseUrl => app.BaseUrl;
    public int ProcessId => app.ProcessId;

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

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

sealed class BareHubTarget : ITarget
{
    readonly Process process;

    public string Name => "bare hub";
    public string BaseUrl { get; }
    public int ProcessId => process.Id;

    BareHubTarget(Process process, string baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

    public static async Task<BareHubTarget> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo("dotnet", [typeof(BareHub).Assembly.Location, "--bare-hub", url])
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
                if ((await http.GetAsync(url + "/health/ready")).IsSuccessStatusCode) return new BareHubTarget(process, url);
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
