using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;

namespace StopThinkClick.Load;

/// <summary>What one target did under the live load.</summary>
sealed class LiveResults(string target)
{
    public string Target { get; } = target;
    public int ConnectionsHeld;
    public double ConnectSeconds;
    public readonly Latencies RealisticConsole = new();
    public readonly Latencies RealisticAck = new();
    public int RealisticAnswers;
    public double RealisticSeconds;
    public double RealisticCpu;
    public readonly Latencies FlatOutAck = new();
    public readonly Latencies FlatOutConsole = new();
    public int FlatOutAnswers;
    public double FlatOutSeconds;
    public double FlatOutCpu;
    public readonly Latencies PacedAck = new();
    public int PacedAnswers;
    public double PacedSeconds;
    public double PacedCpu;
    public double PacedPerSecond => PacedAnswers / PacedSeconds;
    public readonly Latencies VoteAck = new();
    public int Votes;
    public int Reconnects;
    public int Refused;
    public double PeakMb;
    public double RssAtFullMb;
    public readonly ConcurrentBag<Guid> AckedAnswers = [];
    public double AnswersPerSecond => FlatOutAnswers / FlatOutSeconds;
}

/// <summary>
/// Plays the classrooms against one target: everyone joins, a realistic lesson (each pupil
/// answers once every <c>interval</c> seconds at a random moment, a few drop off and rejoin),
/// then flat out (every pupil answers the moment the question opens), then a class vote.
/// </summary>
sealed class LivePhases(ITarget target, IReadOnlyList<Room> rooms, Quiz quiz, Scenario story, Options options)
{
    readonly LiveResults results = new(target.Name);
    readonly ProcessMeter meter = new(target.ProcessIds);

    sealed class Classroom(Room room, LiveClient console, List<LiveClient> pupils)
    {
        public Room Room => room;
        public LiveClient Console => console;
        public List<LiveClient> Pupils => pupils;
        public Guid Session;
    }

    public async Task<LiveResults> RunAsync()
    {
        var classrooms = await ConnectAsync();
        results.RssAtFullMb = meter.ResidentMb();
        Console.WriteLine($"  {target.Name}: {results.ConnectionsHeld} connections held after {results.ConnectSeconds:0.0} s, {results.RssAtFullMb:0} MB resident");

        await RealisticAsync(classrooms);
        Console.WriteLine($"  realistic: {results.RealisticAnswers} answers in {results.RealisticSeconds:0} s, console latency {results.RealisticConsole.Summary}, CPU {results.RealisticCpu:0}%");
        await FlatOutAsync(classrooms);
        Console.WriteLine($"  flat out: {results.FlatOutAnswers} answers in {results.FlatOutSeconds:0.00} s = {results.AnswersPerSecond:0}/s, ack {results.FlatOutAck.Summary}, CPU {results.FlatOutCpu:0}%");
        await PacedAsync(classrooms);
        Console.WriteLine($"  paced: {results.PacedAnswers} answers in {results.PacedSeconds:0.00} s = {results.PacedPerSecond:0}/s, ack {results.PacedAck.Summary}, CPU {results.PacedCpu:0}%");
        await VoteAsync(classrooms);
        Console.WriteLine($"  votes: {results.Votes}, ack {results.VoteAck.Summary}; reconnects {results.Reconnects}, refused {results.Refused}");

        results.PeakMb = meter.PeakMb();
        await Task.WhenAll(classrooms.SelectMany(c => c.Pupils.Append(c.Console)).Select(c => c.DisposeAsync().AsTask()));
        return results;
    }

    async Task<List<Classroom>> ConnectAsync()
    {
        var started = Clock.NowMs;
        var classrooms = new ConcurrentBag<Classroom>();
        await Parallel.ForEachAsync(rooms.Select((room, index) => (room, index)), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (r, _) =>
        {
            var (room, index) = r;
            var session = await target.StartSessionAsync(room, "Quiz", quiz.Id);
            // On two nodes, consoles alternate between the nodes and each class's pupils are split
            // over both, so half of every answer's journey to the console crosses Redis.
            var console = await LiveClient.ConnectAsync(target.NodeFor(index), room.Teacher);
            console.Connection.On<SeenAnswer>(nameof(ILiveClient.AnswerSeen), a => OnSeen(a));
            Ok(await console.SendAsync<JoinState>("Watch", session, "console"));
            var pupils = new List<LiveClient>();
            foreach (var (cookies, i) in room.Pupils.Select((c, i) => (c, i)))
            {
                var pupil = await LiveClient.ConnectAsync(target.NodeFor(i), cookies);
                Ok(await pupil.SendAsync<JoinState>("Join", session));
                pupils.Add(pupil);
            }
            classrooms.Add(new Classroom(room, console, pupils) { Session = session });
        });
        results.ConnectSeconds = (Clock.NowMs - started) / 1000;
        var list = classrooms.ToList();
        results.ConnectionsHeld = list.Sum(c => c.Pupils.Count(p => p.Connection.State == HubConnectionState.Connected) + 1);
        return list;
    }

    // Which phase the console's pushes count towards.
    Latencies? consoleLatencies;

    void OnSeen(SeenAnswer answer)
    {
        if (answer.SentAtMs > 0) consoleLatencies?.Add(Clock.NowMs - answer.SentAtMs / 1000.0);
    }

    async Task RealisticAsync(List<Classroom> classrooms)
    {
        consoleLatencies = results.RealisticConsole;
        var questions = Math.Min(quiz.Questions.Count, Math.Max(1, options.RealisticSeconds / options.IntervalSeconds));
        meter.Begin();
        var started = Clock.NowMs;
        await Task.WhenAll(classrooms.Select(async room =>
        {
            // Classrooms do not start in the same millisecond.
            await Task.Delay(Random.Shared.Next(options.IntervalSeconds * 1000));
            for (var q = 0; q < questions; q++)
            {
                Ok(await room.Console.SendAsync<Ack>("Next", room.Session));
                var question = quiz.Questions[q];
                var window = Task.Delay(options.IntervalSeconds * 1000);
                await Task.WhenAll(room.Pupils.Select(async (pupil, i) =>
                {
                    await Task.Delay(Random.Shared.Next(300, options.IntervalSeconds * 1000 - 1000));
                    // A tablet or two per class per question drops off and comes back (a reload, a Wi-Fi blip).
                    if (i % 15 == q % 15) await RejoinAsync(pupil, room.Session);
                    await AnswerAsync(pupil, room.Session, question, results.RealisticAck, () => Interlocked.Increment(ref results.RealisticAnswers));
                }));
                await window;
            }
            Ok(await room.Console.SendAsync<Ack>("End", room.Session));
        }));
        results.RealisticSeconds = (Clock.NowMs - started) / 1000;
        results.RealisticCpu = meter.CpuPercent();
    }

    async Task FlatOutAsync(List<Classroom> classrooms)
    {
        consoleLatencies = results.FlatOutConsole;
        await RestartAsync(classrooms, "Quiz", quiz.Id);
        meter.Begin();
        var started = Clock.NowMs;
        await Task.WhenAll(classrooms.Select(async room =>
        {
            foreach (var question in quiz.Questions)
            {
                Ok(await room.Console.SendAsync<Ack>("Next", room.Session));
                await Task.WhenAll(room.Pupils.Select(p => AnswerAsync(p, room.Session, question, results.FlatOutAck, () => Interlocked.Increment(ref results.FlatOutAnswers))));
            }
        }));
        results.FlatOutSeconds = (Clock.NowMs - started) / 1000;
        results.FlatOutCpu = meter.CpuPercent();
        foreach (var room in classrooms) Ok(await room.Console.SendAsync<Ack>("End", room.Session));
    }

    /// <summary>
    /// Every pupil answers each question at a random moment within <c>spread</c> seconds, so the
    /// whole school sends a steady 2,000 answers a second (3,000 pupils / 1.5 s) rather than one burst.
    /// </summary>
    async Task PacedAsync(List<Classroom> classrooms)
    {
        consoleLatencies = null;
        await RestartAsync(classrooms, "Quiz", quiz.Id);
        var spreadMs = (int)(classrooms.Sum(c => c.Pupils.Count) / 2000.0 * 1000);
        meter.Begin();
        var started = Clock.NowMs;
        await Task.WhenAll(classrooms.Select(async room =>
        {
            foreach (var question in quiz.Questions)
            {
                Ok(await room.Console.SendAsync<Ack>("Next", room.Session));
                var window = Task.Delay(spreadMs);
                await Task.WhenAll(room.Pupils.Select(async p =>
                {
                    await Task.Delay(Random.Shared.Next(spreadMs));
                    await AnswerAsync(p, room.Session, question, results.PacedAck, () => Interlocked.Increment(ref results.PacedAnswers));
                }));
                await window;
            }
        }));
        results.PacedSeconds = (Clock.NowMs - started) / 1000;
        results.PacedCpu = meter.CpuPercent();
        foreach (var room in classrooms) Ok(await room.Console.SendAsync<Ack>("End", room.Session));
    }

    async Task VoteAsync(List<Classroom> classrooms)
    {
        consoleLatencies = null;
        await RestartAsync(classrooms, "Scenario", story.Id);
        var choices = story.Start.Choices;
        await Task.WhenAll(classrooms.Select(async room =>
        {
            Ok(await room.Console.SendAsync<Ack>("Next", room.Session));
            Ok(await room.Console.SendAsync<Ack>("OpenVote", room.Session));
            await Task.WhenAll(room.Pupils.Select(async (pupil, i) =>
            {
                var sent = Clock.NowMs;
                var ack = await pupil.SendAsync<Ack>("Vote", room.Session, Guid.CreateVersion7(), story.Start.Id, choices[i % choices.Count].Id);
                if (Counted(ack)) { results.VoteAck.Add(Clock.NowMs - sent); Interlocked.Increment(ref results.Votes); }
            }));
            Ok(await room.Console.SendAsync<Ack>("CloseVote", room.Session));
            Ok(await room.Console.SendAsync<Ack>("End", room.Session));
        }));
    }

    async Task RestartAsync(List<Classroom> classrooms, string kind, string itemId)
    {
        await Parallel.ForEachAsync(classrooms, new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (room, _) =>
        {
            room.Session = await target.StartSessionAsync(room.Room, kind, itemId);
            Ok(await room.Console.SendAsync<JoinState>("Watch", room.Session, "console"));
            await Task.WhenAll(room.Pupils.Select(async p => Ok(await p.SendAsync<JoinState>("Join", room.Session))));
        });
    }

    async Task AnswerAsync(LiveClient pupil, Guid session, Question question, Latencies acks, Action counted)
    {
        var id = Guid.CreateVersion7();
        var sent = Clock.NowMs;
        // Microseconds on the harness clock: the server echoes the number back to the console untouched.
        var ack = await pupil.SendAsync<Ack>("Answer", session, id, question.Id, RightAnswer(question), (long)(sent * 1000));
        if (!Counted(ack)) return;
        acks.Add(Clock.NowMs - sent);
        results.AckedAnswers.Add(id);
        counted();
    }

    async Task RejoinAsync(LiveClient pupil, Guid session)
    {
        await pupil.Connection.StopAsync();
        await pupil.Connection.StartAsync();
        Ok(await pupil.SendAsync<JoinState>("Join", session));
        Interlocked.Increment(ref results.Reconnects);
    }

    bool Counted(Ack ack)
    {
        if (ack.Ok) return true;
        Interlocked.Increment(ref results.Refused);
        Console.Error.WriteLine("  refused: " + ack.Message);
        return false;
    }

    void Ok(Ack ack) => Counted(ack);

    void Ok(JoinState state)
    {
        if (!state.Ok) { Interlocked.Increment(ref results.Refused); Console.Error.WriteLine("  refused: " + state.Message); }
    }

    static string[] RightAnswer(Question question) => question.RightOptions.Select(o => o.Id).ToArray();
}
