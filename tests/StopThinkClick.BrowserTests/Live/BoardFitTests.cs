using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Schools;
using static Microsoft.Playwright.Assertions;

namespace StopThinkClick.BrowserTests.Live;

/// <summary>
/// The board is a projector: nobody can scroll it. Every kind of slide, with the longest real
/// content of its kind from the catalogue, fits 1280×720 and 1920×1080 with no text cut off.
/// The session is driven through its own command path (the same deciders the hub calls).
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class BoardFitTests(BrowserApp app)
{
    static readonly (int Width, int Height)[] ProjectorSizes = [(1280, 720), (1920, 1080)];

    [Fact]
    public async Task Every_board_slide_with_the_longest_content_fits_the_projector_without_scrolling()
    {
        var school = await app.NewSchoolAsync((Band.Y4, 30));
        var cls = school.Classes[0];
        var catalogue = app.Catalogue;
        var boards = new List<IPage>();
        foreach (var (w, h) in ProjectorSizes)
        {
            var page = await app.NewPageAsync(w, h);
            await LiveTestSessions.SignInTeacherAsync(page, cls.Teacher.Email, cls.Teacher.Password);
            boards.Add(page);
        }
        var problems = new List<string>();
        async Task CheckAsync(LiveSession live, string name)
        {
            foreach (var board in boards)
            {
                var size = $"{board.ViewportSize!.Width}x{board.ViewportSize.Height}";
                await board.GotoAsync($"/live/{live.Id}/board");
                await Expect(board.Locator("#slide-content")).ToBeVisibleAsync();
                await BrowserApp.ScreenshotAsync(board, $"board-fit-{name}-{size}");
                var problem = await FitProblemAsync(board);
                if (problem is not null) problems.Add($"{name} at {size}: {problem}");
            }
        }

        // Lobby (with 30 first names on) and a lesson step: the lesson with the longest title, then the longest step.
        var step = catalogue.Lessons.SelectMany(l => l.Steps.Select(s => (Lesson: l, Step: s)))
            .MaxBy(x => x.Step.Title.Length + x.Step.Text.Plain.Length + (x.Step.Picture is null ? 0 : 300));
        var lesson = await LiveTestSessions.StartAsync(app, school, cls, LiveKind.Lesson, catalogue.Lessons.MaxBy(l => l.Title.Length)!.Id);
        foreach (var pupil in cls.Pupils) await lesson.SendAsync(new LiveCommand(s => LiveDecider.Join(s, pupil.Id, DateTimeOffset.UtcNow)));
        await lesson.SendAsync(new LiveCommand(s => LiveDecider.ShowNames(s, true, DateTimeOffset.UtcNow)));
        await CheckAsync(lesson, "lobby");
        var stepLive = await LiveTestSessions.StartAsync(app, school, cls, LiveKind.Lesson, step.Lesson.Id);
        await LiveTestSessions.NextUntilAsync(stepLive, s => s.Kind == SlideKind.Step && s.StepNumber == step.Step.Number);
        await CheckAsync(stepLive, "step");

        // Each question type, before and after the reveal, with answers counted.
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            var (quiz, question) = catalogue.Quizzes.SelectMany(qz => qz.Questions.Select(q => (Quiz: qz, Question: q))).Where(x => x.Question.Type == type)
                .MaxBy(x => x.Question.Prompt.Plain.Length + x.Question.Options.Sum(o => o.Text.Plain.Length + o.Feedback.Plain.Length));
            var live = await LiveTestSessions.StartAsync(app, school, cls, LiveKind.Quiz, quiz.Id);
            foreach (var pupil in cls.Pupils.Take(5)) await live.SendAsync(new LiveCommand(s => LiveDecider.Join(s, pupil.Id, DateTimeOffset.UtcNow)));
            await LiveTestSessions.NextUntilAsync(live, s => s.QuestionId == question.Id);
            foreach (var pupil in cls.Pupils.Take(5))
                await live.SendAsync(new LiveCommand(s => LiveDecider.Answer(s, live.Script, pupil.Id, Guid.CreateVersion7(), question.Id, [question.Options[0].Id], DateTimeOffset.UtcNow)));
            await CheckAsync(live, $"question-{type}");
            await live.SendAsync(new LiveCommand(s => LiveDecider.Reveal(s, live.Script, DateTimeOffset.UtcNow)));
            await CheckAsync(live, $"reveal-{type}");
        }

        // The longest story scene that has choices: reached by branching, shown, then with its vote open.
        var (story, scene) = catalogue.Scenarios.SelectMany(sc => sc.Scenes.Values.Where(s => !s.IsEnding).Select(s => (Story: sc, Scene: s)))
            .MaxBy(x => x.Scene.Lines.Sum(l => l.Text.Plain.Length + 40) + x.Scene.Choices.Sum(c => c.Text.Plain.Length) + (x.Scene.Picture is null ? 0 : 300));
        var storyLive = await LiveTestSessions.StartAsync(app, school, cls, LiveKind.Scenario, story.Id);
        foreach (var pupil in cls.Pupils.Take(5)) await storyLive.SendAsync(new LiveCommand(s => LiveDecider.Join(s, pupil.Id, DateTimeOffset.UtcNow)));
        await storyLive.SendAsync(new LiveCommand(s => LiveDecider.Next(s, storyLive.Script, DateTimeOffset.UtcNow)));
        foreach (var choiceId in LiveTestSessions.PathTo(story, scene.Id))
            await storyLive.SendAsync(new LiveCommand(s => LiveDecider.ChooseBranch(s, storyLive.Script, choiceId, DateTimeOffset.UtcNow)));
        storyLive.State.SceneId.ShouldBe(scene.Id);
        await CheckAsync(storyLive, "scene");
        await storyLive.SendAsync(new LiveCommand(s => LiveDecider.OpenVote(s, storyLive.Script, DateTimeOffset.UtcNow)));
        foreach (var pupil in cls.Pupils.Take(5))
            await storyLive.SendAsync(new LiveCommand(s => LiveDecider.Vote(s, storyLive.Script, pupil.Id, Guid.CreateVersion7(), scene.Id, scene.Choices[0].Id, DateTimeOffset.UtcNow)));
        await CheckAsync(storyLive, "vote");

        // The ceremony's longest promise, the signing slide, and the class's closing screen.
        var aup = catalogue.Aups.Where(a => a.Audience == AupAudience.Pupils).MaxBy(a => a.Promises.Max(p => p.Text.Plain.Length))!;
        var promise = aup.Promises.MaxBy(p => p.Text.Plain.Length)!;
        var ceremony = await LiveTestSessions.StartAsync(app, school, cls, LiveKind.Ceremony, aup.Id);
        await LiveTestSessions.NextUntilAsync(ceremony, s => s.PromiseId == promise.Id);
        await CheckAsync(ceremony, "promise");
        await LiveTestSessions.NextUntilAsync(ceremony, s => s.Kind == SlideKind.Sign);
        await CheckAsync(ceremony, "sign");
        await ceremony.SendAsync(new LiveCommand(s => LiveDecider.End(s, DateTimeOffset.UtcNow)));
        await CheckAsync(ceremony, "closing");

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    /// <summary>
    /// Waits (up to a few seconds, for the fitting script and pictures) for the page to fit; if it
    /// never does, says what sticks out: the page's scroll height, or a text element outside the
    /// window or cut by its own box.
    /// </summary>
    static async Task<string?> FitProblemAsync(IPage page)
    {
        const string check = """
            () => {
              const problems = [];
              const se = document.scrollingElement;
              if (se.scrollHeight > innerHeight) problems.push(`page scrolls: ${se.scrollHeight} > ${innerHeight}`);
              if (se.scrollWidth > innerWidth) problems.push(`page scrolls sideways: ${se.scrollWidth} > ${innerWidth}`);
              for (const el of document.querySelectorAll("#live *")) {
                const style = getComputedStyle(el);
                if (style.display === "none" || style.visibility === "hidden" || el.closest(".visually-hidden")) continue;
                const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                if (!hasText && el.tagName !== "IMG" && el.tagName !== "PROGRESS") continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                const what = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.alt || "").trim().slice(0, 40)}"`;
                if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.top < -1 || r.left < -1) problems.push(`${what} outside the window (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)})`);
                else if (hasText && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2) && style.overflow !== "visible") problems.push(`${what} cut off inside its box`);
              }
              return problems.slice(0, 6).join("; ");
            }
            """;
        try
        {
            await page.WaitForFunctionAsync($"() => ({check})() === ''", null, new() { Timeout = 4000, PollingInterval = 100 });
            return null;
        }
        catch (TimeoutException)
        {
            return await page.EvaluateAsync<string>(check);
        }
    }
}

/// <summary>Starts and steers live sessions from a test through the session's own command path.</summary>
static class LiveTestSessions
{
    public static async Task<LiveSession> StartAsync(BrowserApp app, SchoolPlan school, ClassPlan cls, LiveKind kind, string itemId)
    {
        var schoolClass = new SchoolClass(cls.Id, cls.Name, cls.Band, cls.Code, [cls.Teacher.Id]);
        var (id, problem) = await app.Services.GetRequiredService<LiveSessionLifecycle>().StartAsync(school.Id, cls.Teacher.Id, schoolClass, kind, itemId, default);
        id.ShouldNotBeNull(problem);
        return (await app.Services.GetRequiredService<LiveSessions>().GetAsync(school.Id, id.Value))!;
    }

    public static async Task NextUntilAsync(LiveSession live, Func<Slide, bool> arrived)
    {
        while (!arrived(live.Script[live.State.Slide]))
        {
            live.State.Slide.ShouldBeLessThan(live.Script.Last, "the slide was never reached");
            await live.SendAsync(new LiveCommand(s => LiveDecider.Next(s, live.Script, DateTimeOffset.UtcNow)));
        }
    }

    /// <summary>The choices that lead from the story's start to a scene (breadth first).</summary>
    public static IReadOnlyList<string> PathTo(Scenario story, string sceneId)
    {
        var paths = new Dictionary<string, List<string>> { [story.StartSceneId] = [] };
        var queue = new Queue<string>([story.StartSceneId]);
        while (queue.TryDequeue(out var at))
        {
            if (at == sceneId) return paths[at];
            foreach (var choice in story.Scene(at)!.Choices)
                if (paths.TryAdd(choice.TargetSceneId, [.. paths[at], choice.Id])) queue.Enqueue(choice.TargetSceneId);
        }
        throw new InvalidOperationException($"{sceneId} cannot be reached in {story.Id}");
    }

    public static async Task SignInTeacherAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your classes" })).ToBeVisibleAsync();
    }
}
