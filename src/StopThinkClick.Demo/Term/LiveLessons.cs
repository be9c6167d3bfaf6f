using Bogus;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Signing;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Demo.Term;

/// <summary>
/// Each class's live sessions of the term — the promise ceremony in the first weeks, a story the
/// class voted through, two lessons taught on the board — run through the live pipeline itself:
/// <see cref="LiveSessionLifecycle"/> starts and ends them, and every join, answer, vote, promise,
/// signature and witnessing is a <see cref="LiveCommand"/> sent to the running <see cref="LiveSession"/>,
/// exactly as the hub sends them (no HTTP or SignalR needed: the hub only checks who is calling,
/// then sends these same commands). A pupil or two is away each time.
/// </summary>
public sealed class LiveLessons(LiveSessions sessions, LiveSessionLifecycle lifecycle, Catalogue catalogue, TermClock term, Faker faker)
{
    public async Task RunAsync(SchoolPlan plan, CancellationToken ct)
    {
        foreach (var c in plan.Classes)
        {
            var lessons = catalogue.LessonsFor(c.Band).ToList();
            if (catalogue.PupilAupFor(c.Band) is { } aup) await RunAsync(plan, c, LiveKind.Ceremony, aup.Id, term.At(faker.Random.Double(0.03, 0.08), 60), ct);
            if (catalogue.ScenariosFor(c.Band).FirstOrDefault() is { } story) await RunAsync(plan, c, LiveKind.Scenario, story.Id, term.At(0.35, 90), ct);
            foreach (var (lesson, when) in lessons.Skip(1).Take(2).Zip([0.55, 0.85]))
                await RunAsync(plan, c, LiveKind.Lesson, lesson.Id, term.At(when, 30), ct);
        }
    }

    async Task RunAsync(SchoolPlan plan, ClassPlan c, LiveKind kind, string itemId, DateTimeOffset at, CancellationToken ct)
    {
        term.Now = at;
        var schoolClass = new SchoolClass(c.Id, c.Name, c.Band, c.Code, [c.Teacher.Id]);
        var (id, problem) = await lifecycle.StartAsync(plan.Id, c.Teacher.Id, schoolClass, kind, itemId, ct);
        var live = id is { } started ? await sessions.GetAsync(plan.Id, started, ct) : null;
        if (live is null) throw new InvalidOperationException($"The demo could not start a live {kind} {itemId}: {problem}");

        // The first pupil (whose card the start-up prints) is always in: their pages show it.
        var away = faker.Random.Int(1, 3);
        var present = c.Pupils.Take(1).Concat(faker.Random.Shuffle(c.Pupils.Skip(1)).Skip(away)).ToList();
        var now = at;
        DateTimeOffset Tick(int seconds = 30) => term.Now = now = now.AddSeconds(seconds);

        var joined = Tick(60);
        await AllAsync(live, present.Select(p => Command(s => LiveDecider.Join(s, p.Id, joined))), ct);
        var script = live.Script;
        for (var guard = 0; live.State.Slide < script.Last && guard < 60; guard++)
        {
            if (script.Scenario is { } story && script[live.State.Slide].Kind == SlideKind.Scene)
                await VoteAsync(live, story, present, Tick, ct);
            else
            {
                var next = Tick(90);
                await AllAsync(live, [Command(s => LiveDecider.Next(s, script, next))], ct);
            }
            var slide = script[live.State.Slide];
            if (script.QuestionOf(slide) is { } question) await AnswerAsync(live, question, present, Tick, ct);
            if (slide.PromiseId is { } promise) await PromiseAsync(live, promise, present, Tick(60), ct);
            if (slide.Kind == SlideKind.Sign) await SignAsync(live, c, present, Tick, ct);
        }
        Tick(60);
        var ended = await lifecycle.EndAsync(live, ct);
        if (ended.Refused) throw new InvalidOperationException($"The demo could not end a live {kind}: {ended.Refusal}");
    }

    async Task AnswerAsync(LiveSession live, Question question, List<PupilPlan> present, Func<int, DateTimeOffset> tick, CancellationToken ct)
    {
        var at = tick(45);
        await AllAsync(live, present.Select(p =>
        {
            var (answerId, answer) = (faker.Random.Uuid(), DemoAnswers.For(question, faker.Random.Bool(0.75f)));
            return Command(s => LiveDecider.Answer(s, live.Script, p.Id, answerId, question.Id, answer, at));
        }), ct);
        var revealed = tick(30);
        await AllAsync(live, [Command(s => LiveDecider.Reveal(s, live.Script, revealed))], ct);
    }

    /// <summary>One scene of a class story: the vote opens, most vote, and the story goes the class's way.</summary>
    async Task VoteAsync(LiveSession live, Scenario story, List<PupilPlan> present, Func<int, DateTimeOffset> tick, CancellationToken ct)
    {
        var scene = story.Scene(live.State.SceneId ?? story.StartSceneId)!;
        if (!scene.IsEnding && scene.Choices.Count > 0)
        {
            var opened = tick(60);
            await AllAsync(live, [Command(s => LiveDecider.OpenVote(s, live.Script, opened))], ct);
            var voted = tick(40);
            await AllAsync(live, present.Where(_ => faker.Random.Bool(0.9f)).Select(p =>
            {
                var safe = scene.Choices.Where(c => !c.Risky).ToList();
                var choice = safe.Count > 0 && faker.Random.Bool(0.7f) ? faker.PickRandom(safe) : faker.PickRandom(scene.Choices.ToList());
                var voteId = faker.Random.Uuid();
                return Command(s => LiveDecider.Vote(s, live.Script, p.Id, voteId, scene.Id, choice.Id, voted));
            }), ct);
        }
        var next = tick(60);
        await AllAsync(live, [Command(s => LiveDecider.Next(s, live.Script, next))], ct);
    }

    async Task PromiseAsync(LiveSession live, string promiseId, List<PupilPlan> present, DateTimeOffset at, CancellationToken ct)
    {
        var wondering = present.Where(_ => faker.Random.Bool(0.08f)).ToList();
        await AllAsync(live, wondering.Select(p => Command(s => CeremonyDecider.AskMeaning(s, live.Script, p.Id, promiseId, at))), ct);
        await AllAsync(live, present.Select(p => Command(s => CeremonyDecider.Affirm(s, live.Script, p.Id, promiseId, at))), ct);
    }

    /// <summary>Each child signs with their own first name (the hub stores the signature with the event); then the teacher witnesses.</summary>
    async Task SignAsync(LiveSession live, ClassPlan c, List<PupilPlan> present, Func<int, DateTimeOffset> tick, CancellationToken ct)
    {
        foreach (var p in present)
        {
            var at = tick(20);
            var signature = new Signature(faker.Random.Uuid(), p.Id, p.FirstName, null, at);
            await AllAsync(live, [new LiveCommand(s => CeremonyDecider.Sign(s, live.Script, p.Id, signature.Id, at), (session, _, _, _) =>
            {
                session.Store(signature);
                return Task.CompletedTask;
            })], ct);
        }
        var witnessed = tick(60);
        await AllAsync(live, [new LiveCommand(s => CeremonyDecider.Witness(s, c.Teacher.Id, witnessed), (session, after, events, _) =>
        {
            foreach (var record in CeremonyDecider.Records(after, live.Script, (SignaturesWitnessed)events[0]))
                session.Events.Append(record.PupilId, record);
            return Task.CompletedTask;
        })], ct);
    }

    static LiveCommand Command(Func<LiveSessionState, Decision> decide) => new(decide);

    /// <summary>Sent together, as a class's tablets do: the session takes them as one batch.</summary>
    static async Task AllAsync(LiveSession live, IEnumerable<LiveCommand> commands, CancellationToken ct)
    {
        var decisions = await Task.WhenAll(commands.Select(c => live.SendAsync(c, ct)).ToList());
        if (decisions.FirstOrDefault(d => d.Refused) is { } refused)
            throw new InvalidOperationException($"The demo term asked a live session for something it refuses: {refused.Refusal}");
    }
}
