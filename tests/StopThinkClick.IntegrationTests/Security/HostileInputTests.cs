using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Security;

/// <summary>
/// A corpus of hostile input tried on every form, path and hub method: script and HTML (shown
/// escaped wherever it is stored and shown), very long strings, wrong types, unknown ids, path
/// traversal, a replayed anti-forgery token. Each gets a clear refusal or is stored harmlessly,
/// and the server logs no unhandled exception.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class HostileInputTests(AppOnKestrel app)
{
    const string Script = "<script>alert('stc')</script>";
    static readonly string[] Corpus =
    [
        Script, "\"><img src=x onerror=alert(1)>", "{{7*7}}", "'; drop table stc.mt_events; --", new string('a', 20_000),
        "../../../../etc/passwd", "%00", "\u202Eevil\u200B", "🙂🙂🙂", " ", "-1", "00000000-0000-0000-0000-000000000000",
    ];

    public static int InputsTried { get; private set; }

    [Fact]
    public async Task Hostile_input_everywhere_is_refused_or_stored_harmlessly_and_nothing_crashes()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 2));
        var cls = school.Classes[0];
        var anonymous = FormClient.For(app);
        var pupil = FormClient.For(app);
        await pupil.SignInPupilAsync(cls.Pupils[0].CardSecret);
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var lead = FormClient.For(app);
        await lead.SignInAdultAsync(school.Adult(AdultRole.SafeguardingLead).Email, school.Adult(AdultRole.SafeguardingLead).Password);
        var problems = new List<string>();
        var tried = 0;

        async Task Try(FormClient client, string page, Dictionary<string, string> form, string? post = null)
        {
            tried++;
            var result = await client.PostFormAsync(page, form, post);
            if ((int)result.Status >= 500) problems.Add($"{post ?? page} with {Describe(form)}: {(int)result.Status}");
            if (result.Body.Contains(Script, StringComparison.Ordinal)) problems.Add($"{post ?? page} echoed raw script");
        }

        async Task Get(FormClient client, string path)
        {
            tried++;
            var result = await client.GetAsync(path);
            if ((int)result.Status >= 500) problems.Add($"GET {path}: {(int)result.Status}");
            if (result.Status == HttpStatusCode.OK && result.Body.Contains("root:x:0:0", StringComparison.Ordinal)) problems.Add($"GET {path} served a system file");
        }

        foreach (var evil in Corpus)
        {
            await Try(anonymous, "/signin", new() { ["email"] = evil, ["password"] = evil });
            await Try(anonymous, "/pupil/signin", new() { ["code"] = evil });
            await Try(anonymous, $"/pupil/signin/{cls.Code}/{cls.Pupils[1].Id}", new() { ["pictures"] = evil });
            await Try(anonymous, "/parent/join", new() { ["code"] = evil }, "/parent/join?handler=Check");
            await Try(anonymous, "/live/join", new() { ["code"] = evil });
            await Try(pupil, "/pupil/worried", new() { ["concernId"] = Guid.NewGuid().ToString(), ["topic"] = evil, ["words"] = evil });
            await Try(pupil, "/pupil/settings", new() { ["dyslexiaFont"] = evil, ["largerText"] = evil });
            await Try(teacher, "/concerns/new", new() { ["concernId"] = Guid.NewGuid().ToString(), ["pupilId"] = cls.Pupils[0].Id.ToString(), ["topic"] = evil, ["details"] = evil });
            await Try(teacher, $"/teacher/classes/{cls.Id}/set-work", new() { ["itemId"] = evil, ["pupilId"] = evil });
            await Try(teacher, $"/teacher/classes/{cls.Id}/live", new() { ["kind"] = evil, ["itemId"] = evil });
            await Try(admin, "/admin", new() { ["name"] = evil, ["band"] = evil, ["teacherId"] = evil }, "/admin?handler=AddClass");
            await Try(admin, $"/admin/classes/{cls.Id}", new() { ["firstName"] = evil, ["lastInitial"] = evil }, $"/admin/classes/{cls.Id}?handler=AddPupil");
            await Try(admin, "/admin/staff", new() { ["displayName"] = evil, ["email"] = evil, ["role"] = evil });
            await Get(anonymous, $"/pupil/lessons/{Uri.EscapeDataString(evil)}");
            await Get(pupil, $"/pupil/lessons/{Uri.EscapeDataString(evil)}");
            await Get(pupil, $"/pupil/quizzes/{Uri.EscapeDataString(evil)}");
            await Get(anonymous, $"/guides/{Uri.EscapeDataString(evil)}");
            await Get(anonymous, $"/card/{Uri.EscapeDataString(evil)}");
            await Get(anonymous, $"/live/code/{Uri.EscapeDataString(evil)}");
        }
        foreach (var traversal in new[] { "/pictures/..%2f..%2fREADME.md", "/pictures/../../stc", "/css/..%2f..%2f..%2fetc%2fpasswd", "/guides/..%2f..%2f..%2fetc%2fpasswd", "/pupil/lessons/..%2f..%2fappsettings.json" })
            await Get(pupil, traversal);

        // Stored and shown: a class name and a concern's words, escaped wherever they appear.
        await Try(admin, "/admin", new() { ["name"] = Script, ["band"] = "Y3" }, "/admin?handler=AddClass");
        (await admin.GetAsync("/admin")).Body.ShouldContain("&lt;script&gt;alert(&#x27;stc&#x27;)&lt;/script&gt;");
        var safeguarding = await lead.GetAsync("/safeguarding");
        var concernPages = new List<string>();
        foreach (var id in Regex.Matches(safeguarding.Body, "/safeguarding/concerns/([0-9a-f-]{36})").Select(m => m.Groups[1].Value).Distinct())
            concernPages.Add((await lead.GetAsync($"/safeguarding/concerns/{id}")).Body);
        concernPages.Count.ShouldBeGreaterThan(0);
        concernPages.ShouldAllBe(body => !body.Contains(Script));
        concernPages.ShouldContain(body => body.Contains("&lt;script&gt;alert(&#x27;stc&#x27;)&lt;/script&gt;"));

        // A hostile teacher name on the board, the console and the certificates (names come from the school's own records).
        await using (var write = app.Store.LightweightSession(school.Id))
        {
            var me = (await write.LoadAsync<StaffMember>(cls.Teacher.Id))!;
            write.Store(me with { DisplayName = Script });
            await write.SaveChangesAsync();
        }
        var certificates = await teacher.GetAsync($"/teacher/classes/{cls.Id}/aup/certificates");
        certificates.Body.ShouldNotContain(Script);

        // A token from another person's page is refused.
        var someoneElse = FormClient.For(app);
        var theirToken = FormClient.TokenOf((await someoneElse.GetAsync("/pupil/signin")).Body)!;
        using (var replay = await FormClient.For(app).Http.PostAsync("/pupil/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["code"] = cls.Code, ["__RequestVerificationToken"] = theirToken })))
        {
            tried++;
            replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        // The hub: unknown ids, wrong types, long strings.
        var quiz = app.Catalogue().Quiz(app.Catalogue().LessonsFor(Band.Y3).First().QuizId)!;
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var hub = await LiveClient.ConnectAsync(app.BaseUrl, pupil.Cookies);
        (await hub.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
        foreach (var evil in Corpus.Where(e => e.Length < 1000))
        {
            tried += 6;
            (await hub.SendAsync<Ack>("Answer", sessionId, Guid.NewGuid(), evil, new[] { evil }, 0L)).Ok.ShouldBeFalse();
            (await hub.SendAsync<Ack>("Vote", sessionId, Guid.NewGuid(), evil, evil)).Ok.ShouldBeFalse();
            (await hub.SendAsync<Ack>("Sign", sessionId, Guid.NewGuid(), evil, evil)).Ok.ShouldBeFalse();
            (await hub.SendAsync<Ack>("Affirm", sessionId, evil)).Ok.ShouldBeFalse();
            (await hub.SendAsync<Ack>("Next", sessionId)).Ok.ShouldBeFalse();
            await Should.ThrowAsync<Exception>(() => hub.Connection.InvokeAsync<Ack>("Answer", evil, evil, evil, evil, evil));
        }

        InputsTried = tried;
        problems.ShouldBeEmpty(string.Join("\n", app.Logs.Errors.Take(5)));
        app.Logs.Unhandled.ShouldBeEmpty();
        tried.ShouldBeGreaterThan(250);
    }

    [Fact]
    public async Task Hub_methods_given_null_arguments_answer_with_a_clear_message_and_log_no_error()
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var cls = school.Classes[0];
        var teacher = FormClient.For(app);
        await teacher.SignInAdultAsync(cls.Teacher.Email, cls.Teacher.Password);
        var quiz = app.Catalogue().Quiz(app.Catalogue().LessonsFor(Band.Y3).First().QuizId)!;
        var sessionId = await LiveTestKit.StartAsync(teacher, cls.Id, "Quiz", quiz.Id);
        await using var pupilHub = await LiveTestKit.PupilAsync(app.BaseUrl, app, cls.Pupils[0], sessionId);
        await using var teacherHub = await LiveClient.ConnectAsync(app.BaseUrl, teacher.Cookies);
        var errorsBefore = app.Logs.Errors.Count;
        var answers = new List<string>();

        foreach (var method in typeof(LiveHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                     .Where(m => m.Name != nameof(LiveHub.End) && m.GetParameters().Any(p => !p.ParameterType.IsValueType)))
        {
            // Every reference argument null; the session id real, so the call gets past "who may".
            var args = method.GetParameters().Select(p => p.ParameterType == typeof(Guid) ? (object?)sessionId : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            foreach (var hub in new[] { pupilHub, teacherHub })
            {
                try
                {
                    await hub.Connection.InvokeCoreAsync(method.Name, typeof(object), args);
                    answers.Add($"{method.Name}: answered");
                }
                catch (HubException e)
                {
                    e.Message.ShouldNotContain("Something went wrong", customMessage: $"{method.Name} with nulls");
                    e.Message.ShouldContain("Please try again", customMessage: $"{method.Name} with nulls");
                    answers.Add($"{method.Name}: {e.Message}");
                }
            }
        }

        answers.ShouldContain(a => a.StartsWith("Answer: "));
        app.Logs.Errors.Skip(errorsBefore).Where(e => e.Contains("Live call", StringComparison.Ordinal) || e.Contains("NullReference", StringComparison.Ordinal))
            .ShouldBeEmpty(string.Join("\n", answers));
    }

    [Fact]
    public async Task Anonymous_hub_negotiation_answers_401_with_no_html_page()
    {
        using var negotiate = await FormClient.For(app).Http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        negotiate.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (negotiate.Content.Headers.ContentType?.MediaType ?? "").ShouldNotContain("html");
        (await negotiate.Content.ReadAsStringAsync()).ShouldNotContain("<");
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("7")]
    public async Task A_class_with_a_band_that_does_not_exist_is_refused_and_not_stored(string band)
    {
        var school = await app.NewSchoolAsync((Band.Y3, 1));
        var admin = FormClient.For(app);
        await admin.SignInAdultAsync(school.Adult(AdultRole.SchoolAdmin).Email, school.Adult(AdultRole.SchoolAdmin).Password);

        var result = await admin.PostFormAsync("/admin", new Dictionary<string, string> { ["name"] = "Year 9 Elm", ["band"] = band }, "/admin?handler=AddClass");

        result.Status.ShouldBe(HttpStatusCode.BadRequest);
        result.Body.ShouldContain("choose the class&#x27;s year group");
        await using var query = app.Store.QuerySession(school.Id);
        (await query.Query<SchoolClass>().ToListAsync()).ShouldAllBe(c => Enum.IsDefined(c.Band));
        (await query.Query<SchoolClass>().CountAsync()).ShouldBe(1);
    }

    static string Describe(Dictionary<string, string> form) =>
        string.Join(", ", form.Select(f => $"{f.Key}={(f.Value.Length > 30 ? f.Value[..30] + "…" : f.Value)}"));
}
