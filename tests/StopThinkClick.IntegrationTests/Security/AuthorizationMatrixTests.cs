using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.IntegrationTests.Live;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Security;

/// <summary>
/// Every route the app serves, asked for by anonymous, pupil, parent, teacher, safeguarding lead and
/// admin of school A and of school B, using school A's ids. Any access the matrix does not allow
/// fails the test, and so does a route missing from the matrix.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class AuthorizationMatrixTests(AppOnKestrel app)
{
    [Flags]
    enum Who { None = 0, Anonymous = 1, Pupil = 2, Parent = 4, Teacher = 8, Lead = 16, Admin = 32, Staff = Teacher | Lead | Admin, Everyone = 63 }

    /// <summary>Who may open each route of school A. School B's people may open none that carry A's ids.</summary>
    static readonly Dictionary<string, Who> Matrix = new()
    {
        ["/"] = Who.Everyone, ["/about"] = Who.Everyone, ["/privacy"] = Who.Everyone, ["/privacy/children/{stage}"] = Who.Everyone, ["/guides"] = Who.Everyone,
        ["/guides/{band}"] = Who.Everyone, ["/signin"] = Who.Everyone, ["/signout"] = Who.Everyone,
        ["/apps"] = Who.Everyone, ["/apps/{appId}"] = Who.Everyone,
        // A school's public curriculum is off until its admin publishes it: not found, for everyone.
        ["/schools/{schoolId}/curriculum/{itemId?}"] = Who.None,
        // These two only ever answer with an error status (403, or 404 when nothing failed), for everyone.
        ["/not-allowed"] = Who.None, ["/error"] = Who.None, ["/status/{code:int}"] = Who.None, ["/{*path}"] = Who.None, ["/health/live"] = Who.Everyone, ["/health/ready"] = Who.Everyone,
        ["/pupil/signin"] = Who.Everyone, ["/pupil/signin/{code}"] = Who.Everyone, ["/pupil/signin/{code}/{pupilId:guid}"] = Who.Everyone,
        ["/card/{secret}"] = Who.Everyone, ["/parent/join"] = Who.Everyone, ["/signin/forgot"] = Who.Everyone,
        // Only with a password-checked ticket, or a real one-time link: the matrix has neither.
        ["/signin/code"] = Who.None, ["/account/set-password/{secret}"] = Who.None,
        ["/account"] = Who.Parent | Who.Staff, ["/account/two-step"] = Who.Parent | Who.Staff, ["/live/join"] = Who.Everyone, ["/live/code/{code}"] = Who.Everyone,

        ["/pupil"] = Who.Pupil, ["/pupil/reminder"] = Who.Pupil, ["/pupil/settings"] = Who.Pupil, ["/pupil/worried"] = Who.Pupil,
        ["/pupil/lessons/{lessonId}"] = Who.Pupil, ["/pupil/lessons/{lessonId}/{step:int}"] = Who.Pupil, ["/pupil/lessons/{lessonId}/done"] = Who.None, // only after finishing; the walk has not
        ["/pupil/quizzes/{quizId}"] = Who.Pupil, ["/pupil/quizzes/{quizId}/{attemptId:guid}/{number:int}"] = Who.Pupil,
        ["/pupil/quizzes/{quizId}/{attemptId:guid}/done"] = Who.None,
        ["/pupil/scenarios/{scenarioId}"] = Who.Pupil, ["/pupil/scenarios/{scenarioId}/{runId:guid}"] = Who.Pupil,
        ["/pupil/scenarios/{scenarioId}/{runId:guid}/think/{sceneId}/{choiceId}"] = Who.Pupil,
        ["/live/{sessionId:guid}/pupil"] = Who.Pupil,

        ["/parent"] = Who.Parent, ["/parent/children/{pupilId:guid}"] = Who.Parent, ["/parent/children/{pupilId:guid}/aup"] = Who.Parent,
        ["/parent/children/{pupilId:guid}/materials/{itemId?}"] = Who.Parent,

        ["/teacher"] = Who.Staff, ["/teacher/browse"] = Who.Staff, ["/teacher/browse/{itemId}"] = Who.Staff, ["/coverage"] = Who.Staff, ["/concerns"] = Who.Staff, ["/concerns/new"] = Who.Staff,
        ["/teacher/classes/{classId:guid}"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/cards"] = Who.Teacher | Who.Admin,
        ["/teacher/classes/{classId:guid}/live"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/set-work"] = Who.Teacher | Who.Admin,
        ["/teacher/classes/{classId:guid}/aup"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/aup/certificates"] = Who.Teacher | Who.Admin,
        ["/live/{sessionId:guid}/board"] = Who.Teacher, ["/live/{sessionId:guid}/console"] = Who.Teacher, ["/live/{sessionId:guid}/summary"] = Who.Teacher | Who.Admin,

        ["/safeguarding"] = Who.Lead, ["/safeguarding/concerns/{concernId:guid}"] = Who.Lead,
        ["/safeguarding/access"] = Who.Lead, ["/safeguarding/leavers"] = Who.Lead, ["/safeguarding/pupils/{pupilId:guid}/file"] = Who.Lead,
        ["/safeguarding/team"] = Who.Lead,

        ["/admin"] = Who.Admin, ["/admin/classes/{classId:guid}"] = Who.Admin, ["/admin/classes/{classId:guid}/invitations"] = Who.Admin,
        ["/admin/pupils/import"] = Who.Admin, ["/admin/staff"] = Who.Admin, ["/admin/parents"] = Who.Admin, ["/admin/pupils/{pupilId:guid}"] = Who.Admin,
        ["/admin/retention"] = Who.Admin, ["/admin/curriculum-sharing"] = Who.Admin,
    };

    /// <summary>Public routes that still refuse someone: a pupil of another school cannot join A's session by its code.</summary>
    static readonly HashSet<(string Route, string Person)> Refused = [("/live/code/{code}", "pupil B")];

    /// <summary>Routes that carry none of school A's ids: school B's people see their own school there.</summary>
    static readonly HashSet<string> OwnSchoolRoutes =
        ["/pupil", "/pupil/reminder", "/pupil/settings", "/pupil/worried", "/parent", "/teacher", "/teacher/browse", "/teacher/browse/{itemId}", "/coverage", "/concerns", "/concerns/new",
         "/safeguarding", "/safeguarding/access", "/safeguarding/leavers", "/safeguarding/team", "/admin", "/admin/pupils/import", "/admin/staff", "/admin/parents", "/account", "/account/two-step",
         "/admin/retention", "/admin/curriculum-sharing",
         "/pupil/lessons/{lessonId}", "/pupil/lessons/{lessonId}/{step:int}", "/pupil/quizzes/{quizId}", "/pupil/scenarios/{scenarioId}"];

    /// <summary>Two schools, six people in each (anonymous once), and school A's ids to put in routes.</summary>
    sealed record World(SchoolPlan A, SchoolPlan B, Dictionary<string, (Who Role, FormClient Client, SchoolPlan School)> People,
        Dictionary<string, string> Values, Guid SessionId, Guid EndedId, string JoinCode);

    async Task<World> WorldAsync()
    {
        var a = await app.NewSchoolAsync((Band.Y3, 3));
        var b = await app.NewSchoolAsync((Band.Y3, 3));
        var catalogue = app.Services.GetRequiredService<Catalogue>();
        var lesson = catalogue.LessonsFor(Band.Y3).First();
        var quiz = catalogue.Quiz(lesson.QuizId)!;
        var story = catalogue.ScenariosFor(Band.Y3).First();
        var people = new Dictionary<string, (Who Role, FormClient Client, SchoolPlan School)>();
        foreach (var (school, tag) in new[] { (a, "A"), (b, "B") })
        {
            people[$"pupil {tag}"] = (Who.Pupil, await PupilAsync(school), school);
            people[$"parent {tag}"] = (Who.Parent, await AdultAsync(school.Adult(AdultRole.Parent)), school);
            people[$"teacher {tag}"] = (Who.Teacher, await AdultAsync(school.Classes[0].Teacher), school);
            people[$"lead {tag}"] = (Who.Lead, await AdultAsync(school.Adult(AdultRole.SafeguardingLead)), school);
            people[$"admin {tag}"] = (Who.Admin, await AdultAsync(school.Adult(AdultRole.SchoolAdmin)), school);
        }
        people["anonymous"] = (Who.Anonymous, FormClient.For(app), a);

        // School A's ids: a live session, a concern, the pupil's quiz attempt and story run.
        var pupilA = people["pupil A"].Client;
        var attempt = (await pupilA.PostFormAsync($"/pupil/quizzes/{quiz.Id}", new Dictionary<string, string>())).Location!.Split('/')[4];
        var run = (await pupilA.PostFormAsync($"/pupil/scenarios/{story.Id}", new Dictionary<string, string>())).Location!.Split('/')[4];
        var sessionId = await LiveTestKit.StartAsync(people["teacher A"].Client, a.Classes[0].Id, "Quiz", quiz.Id);
        var endedId = await LiveTestKit.StartAsync(people["teacher A"].Client, a.Classes[0].Id, "Quiz", quiz.Id);
        await using (var teacherHub = await LiveClient.ConnectAsync(app.BaseUrl, people["teacher A"].Client.Cookies))
            (await teacherHub.SendAsync<StopThinkClick.Web.Live.Hub.Ack>("End", endedId)).Ok.ShouldBeTrue();
        string joinCode;
        await using (var query = app.Store.QuerySession(a.Id)) joinCode = (await query.LoadAsync<StopThinkClick.Web.Live.Sessions.LiveSessionCard>(sessionId))!.JoinCode;
        await using (var session = app.Store.LightweightSession(a.Id))
        {
            await RaiseConcern.StoreAsync(session, new ConcernRaised(Guid.CreateVersion7(), ConcernTopics.SomeoneOnline, ConcernSource.PupilDevice,
                a.Pupils.First().Id, a.Classes[0].Id, null, null, false, DateTimeOffset.UtcNow), "marker words", default);
        }
        Guid concernId;
        await using (var query = app.Store.QuerySession(a.Id)) concernId = (await query.Query<Concern>().FirstAsync()).Id;
        var values = new Dictionary<string, string>
        {
            ["band"] = "y3", ["stage"] = "ks2", ["code"] = a.Classes[0].Code, ["pupilId"] = a.Pupils.First().Id.ToString(), ["secret"] = a.Pupils.Last().CardSecret,
            ["lessonId"] = lesson.Id, ["itemId"] = lesson.Id, ["itemId?"] = lesson.Id, ["appId"] = "roblox", ["schoolId"] = a.Id, ["step"] = "1", ["quizId"] = quiz.Id, ["attemptId"] = attempt, ["number"] = "1",
            ["scenarioId"] = story.Id, ["runId"] = run, ["sceneId"] = story.StartSceneId, ["choiceId"] = story.Start.Choices.FirstOrDefault(c => c.Risky)?.Id ?? "c1",
            ["sessionId"] = sessionId.ToString(), ["classId"] = a.Classes[0].Id.ToString(), ["concernId"] = concernId.ToString(),
        };
        return new World(a, b, people, values, sessionId, endedId, joinCode);
    }

    [Fact]
    public async Task Every_route_opens_only_for_the_people_the_matrix_allows()
    {
        var (a, b, people, values, sessionId, endedId, joinCode) = await WorldAsync();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Where(r => !r.StartsWith("/hubs/", StringComparison.Ordinal)).Distinct().Order().ToList();
        routes.Where(r => !Matrix.ContainsKey(r)).ShouldBeEmpty("routes with no entry in the authorization matrix");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = Fill(route, route switch
            {
                "/live/code/{code}" => new Dictionary<string, string>(values) { ["code"] = joinCode },
                "/live/{sessionId:guid}/summary" => new Dictionary<string, string>(values) { ["sessionId"] = endedId.ToString() },
                _ => values,
            });
            foreach (var (name, (role, client, school)) in people)
            {
                // The card route signs whoever opens it in as pupil A: try it last, on a throwaway client.
                var asker = route == "/card/{secret}" ? FormClient.For(app) : client;
                var (status, body, location) = await asker.GetAsync(url);
                var fromB = school == b;
                var allowed = Matrix[route].HasFlag(role) && (!fromB || OwnSchoolRoutes.Contains(route) || Matrix[route] == Who.Everyone)
                    && !Refused.Contains((route, name));
                var opened = status == HttpStatusCode.OK || (status == HttpStatusCode.Redirect && !IsAuthRedirect(location));
                if (allowed && !opened) failures.Add($"{name} was refused {url}: {(int)status} {location}");
                if (!allowed && opened) failures.Add($"{name} opened {url}: {(int)status} {location}");
                if (fromB && !Matrix[route].HasFlag(Who.Anonymous) && (body.Contains(a.Classes[0].Code) || body.Contains(a.Name)))
                    failures.Add($"{name} saw school A's data at {url}");
                if ((int)status >= 500) failures.Add($"{name} got a server error at {url}");
            }
        }
        failures.ShouldBeEmpty();

        // The live hub refuses anyone not signed in.
        using var negotiate = await FormClient.For(app).Http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        negotiate.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Who may post to each page handler of school A ("route" or "route?handler=Name").</summary>
    static readonly Dictionary<string, Who> PostMatrix = new()
    {
        // Signing in, joining and signing out are for everyone; the error pages answer a failed post, never a direct one.
        ["/signin"] = Who.Everyone, ["/signout"] = Who.Everyone, ["/pupil/signin"] = Who.Everyone, ["/pupil/signin/{code}/{pupilId:guid}"] = Who.Everyone,
        ["/parent/join?handler=Check"] = Who.Everyone, ["/parent/join?handler=Create"] = Who.Everyone, ["/parent/join?handler=Attach"] = Who.Everyone,
        ["/live/join"] = Who.Everyone, ["/live/code/{code}"] = Who.Everyone, ["/error"] = Who.None, ["/status/{code:int}"] = Who.None,
        // A forgotten password, the two-step code and a one-time link are public; with an empty form they change nothing.
        ["/signin/forgot"] = Who.Everyone, ["/signin/code"] = Who.Everyone, ["/account/set-password/{secret}"] = Who.Everyone,
        ["/account"] = Who.Parent | Who.Staff, ["/account/two-step"] = Who.Parent | Who.Staff, ["/account/two-step?handler=Off"] = Who.Parent | Who.Staff,

        ["/pupil/settings"] = Who.Pupil, ["/pupil/worried"] = Who.Pupil, ["/pupil/lessons/{lessonId}"] = Who.Pupil,
        ["/pupil/lessons/{lessonId}/{step:int}?handler=Next"] = Who.Pupil, ["/pupil/lessons/{lessonId}/{step:int}?handler=Finish"] = Who.Pupil,
        ["/pupil/quizzes/{quizId}"] = Who.Pupil, ["/pupil/quizzes/{quizId}/{attemptId:guid}/{number:int}"] = Who.Pupil,
        ["/pupil/quizzes/{quizId}/{attemptId:guid}/{number:int}?handler=Finish"] = Who.Pupil,
        ["/pupil/scenarios/{scenarioId}"] = Who.Pupil, ["/pupil/scenarios/{scenarioId}/{runId:guid}?handler=Choose"] = Who.Pupil,
        ["/pupil/scenarios/{scenarioId}/{runId:guid}/think/{sceneId}/{choiceId}?handler=Back"] = Who.Pupil,

        ["/parent/children/{pupilId:guid}/aup?handler=CoSign"] = Who.Parent, ["/parent/children/{pupilId:guid}/aup?handler=Agree"] = Who.Parent,
        ["/parent/children/{pupilId:guid}/aup?handler=Permissions"] = Who.Parent,

        ["/concerns/new"] = Who.Staff,
        ["/teacher/classes/{classId:guid}/live"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/set-work"] = Who.Teacher | Who.Admin,
        ["/teacher/classes/{classId:guid}/set-work?handler=Remove"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/cards"] = Who.Teacher | Who.Admin,
        ["/teacher/classes/{classId:guid}/cards?handler=Clear"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/cards?handler=Code"] = Who.Teacher | Who.Admin,

        ["/safeguarding/concerns/{concernId:guid}?handler=Acknowledge"] = Who.Lead, ["/safeguarding/concerns/{concernId:guid}?handler=Note"] = Who.Lead,
        ["/safeguarding/concerns/{concernId:guid}?handler=Action"] = Who.Lead, ["/safeguarding/concerns/{concernId:guid}?handler=Close"] = Who.Lead,
        ["/safeguarding/leavers?handler=Erase"] = Who.Lead, ["/safeguarding/team?handler=Link"] = Who.Lead, ["/safeguarding/team?handler=ResetTwoStep"] = Who.Lead,
        ["/safeguarding/team?handler=Approve"] = Who.Lead, ["/safeguarding/team?handler=Refuse"] = Who.Lead, ["/safeguarding/team?handler=Unpause"] = Who.Lead,

        ["/admin?handler=AddClass"] = Who.Admin, ["/admin?handler=MoveUp"] = Who.Admin, ["/admin/staff"] = Who.Admin, ["/admin/pupils/import"] = Who.Admin,
        ["/admin/classes/{classId:guid}?handler=AddPupil"] = Who.Admin, ["/admin/classes/{classId:guid}?handler=Teacher"] = Who.Admin,
        ["/admin/classes/{classId:guid}/invitations"] = Who.Admin, ["/admin/pupils/{pupilId:guid}?handler=Erase"] = Who.Admin,
        ["/admin/retention"] = Who.Admin, ["/admin/curriculum-sharing"] = Who.Admin,
        ["/admin/staff?handler=Link"] = Who.Admin, ["/admin/staff?handler=Deactivate"] = Who.Admin, ["/admin/staff?handler=Reopen"] = Who.Admin,
        ["/admin/staff?handler=Role"] = Who.Admin, ["/admin/staff?handler=ResetTwoStep"] = Who.Admin,
        ["/admin/parents?handler=Unlink"] = Who.Admin, ["/admin/parents?handler=Link"] = Who.Admin, ["/admin/parents?handler=Unpause"] = Who.Admin,
    };

    /// <summary>Posts that change who is signed in or reprint cards: tried last, so they cannot spoil the others.</summary>
    static readonly string[] TriedLast = ["/teacher/classes/{classId:guid}/cards", "/teacher/classes/{classId:guid}/cards?handler=Code", "/admin?handler=MoveUp", "/signout"];

    /// <summary>Who may call each live hub method on school A's session: its pupils, or the teacher who runs it.</summary>
    static readonly Dictionary<string, Who> HubMatrix = new()
    {
        ["Join"] = Who.Pupil, ["Answer"] = Who.Pupil, ["Vote"] = Who.Pupil, ["Worry"] = Who.Pupil,
        ["Affirm"] = Who.Pupil, ["AskMeaning"] = Who.Pupil, ["Sign"] = Who.Pupil,
        ["Watch"] = Who.Teacher, ["ShowNames"] = Who.Teacher, ["Next"] = Who.Teacher, ["Back"] = Who.Teacher, ["Reveal"] = Who.Teacher, ["Lock"] = Who.Teacher,
        ["OpenVote"] = Who.Teacher, ["CloseVote"] = Who.Teacher, ["ChooseBranch"] = Who.Teacher, ["Witness"] = Who.Teacher, ["End"] = Who.Teacher,
    };

    /// <summary>The hub's "who may" refusals: an allowed caller must never get one of these.</summary>
    static readonly string[] AccessRefusals =
        ["Only pupils can do that.", "We can't find that live lesson.", "This live lesson is for another class.", "Only the session's teacher can do that."];

    [Fact]
    public async Task A_page_with_no_authorize_attribute_is_not_public()
    {
        var fallback = await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        fallback.ShouldNotBeNull("no fallback policy: a page without an attribute would be open to anyone");
        fallback.Requirements.ShouldContain(r => r is DenyAnonymousAuthorizationRequirement);

        // Every page open to the anonymous says so on purpose (a folder convention or the attribute).
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        var open = pages.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        var meant = Matrix.Where(m => m.Value.HasFlag(Who.Anonymous)).Select(m => m.Key).Where(r => !r.StartsWith("/health/", StringComparison.Ordinal))
            .Concat(["/not-allowed", "/error", "/status/{code:int}"]) // the error pages must answer whoever failed
            .Concat(["/signin/code", "/account/set-password/{secret}"]) // public, but open only with a password-checked ticket or a real link
            .Concat(["/schools/{schoolId}/curriculum/{itemId?}"]); // public, but found only once the school publishes it
        open.ShouldBe(meant.ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public async Task Every_post_handler_and_hub_method_answers_only_the_people_the_matrix_allows()
    {
        var (a, b, people, values, sessionId, _, _) = await WorldAsync();
        var failures = new List<string>();

        // Hub methods first (the posts below end with signing out).
        var methods = typeof(StopThinkClick.Web.Live.Hub.LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync" or "Dispose"))
            .OrderBy(m => m.Name == "Join" ? 0 : m.Name == "End" ? 2 : 1).ToList();
        methods.Select(m => m.Name).Where(m => !HubMatrix.ContainsKey(m)).ShouldBeEmpty("hub methods with no entry in the authorization matrix");
        var callers = people.Where(p => p.Value.Role != Who.Anonymous)
            .OrderBy(p => p.Key == "teacher A" ? 1 : 0).ToList(); // the session's teacher last: End ends it
        foreach (var (name, (role, client, school)) in callers)
        {
            await using var hub = await LiveClient.ConnectAsync(app.BaseUrl, client.Cookies);
            foreach (var method in methods)
            {
                var args = method.GetParameters().Select(p => p.Name == "sessionId" ? sessionId : Sample(p.ParameterType)).ToArray();
                var allowed = HubMatrix[method.Name].HasFlag(role) && school == a;
                string? refusal;
                try
                {
                    var answer = await hub.Connection.InvokeCoreAsync(method.Name, typeof(System.Text.Json.JsonElement), args);
                    var json = (System.Text.Json.JsonElement)answer!;
                    refusal = json.GetProperty("ok").GetBoolean() ? null : json.GetProperty("message").GetString() ?? "";
                }
                catch (Microsoft.AspNetCore.SignalR.HubException e)
                {
                    refusal = e.Message;
                }
                if (!allowed && refusal is null) failures.Add($"{name} was answered by hub method {method.Name}");
                if (allowed && refusal is not null && AccessRefusals.Contains(refusal)) failures.Add($"{name} was refused hub method {method.Name}: {refusal}");
            }
        }

        // Every POST handler of every page, by everyone, with an empty form (and a valid anti-forgery token of their own).
        var loader = app.Services.GetRequiredService<PageLoader>();
        var posts = new List<(string Route, string Key)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)))
                posts.Add((route, handler.Name is null ? route : $"{route}?handler={handler.Name}"));
        }
        posts = posts.Distinct().OrderBy(p => Array.IndexOf(TriedLast, p.Key)).ToList();
        posts.Select(p => p.Key).Where(k => !PostMatrix.ContainsKey(k)).ShouldBeEmpty("post handlers with no entry in the authorization matrix");
        posts.Count.ShouldBeGreaterThan(30);

        var tokens = new Dictionary<string, string>();
        foreach (var (name, (role, client, _)) in people)
            tokens[name] = FormClient.TokenOf((await client.GetAsync(role == Who.Anonymous ? "/signin" : "/")).Body)
                ?? throw new InvalidOperationException($"no anti-forgery token for {name}");
        foreach (var (route, key) in posts)
        {
            var url = Fill(route, values) + (key.Length > route.Length ? key[route.Length..] : "");
            foreach (var (name, (role, client, school)) in people)
            {
                using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[name] }));
                var status = response.StatusCode;
                var location = response.Headers.Location?.ToString();
                var fromB = school == b;
                var allowed = PostMatrix[key].HasFlag(role) && (!fromB || PostMatrix[key] == Who.Everyone || OwnSchoolRoutes.Contains(route));
                var authRefused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (status == HttpStatusCode.Redirect && IsAuthRedirect(location));
                var succeeded = (int)status < 300 || (status == HttpStatusCode.Redirect && !IsAuthRedirect(location));
                if (allowed && authRefused) failures.Add($"{name} was refused POST {url}: {(int)status} {location}");
                if (!allowed && succeeded) failures.Add($"{name} was let through POST {url}: {(int)status} {location}");
                if ((int)status >= 500) failures.Add($"{name} got a server error at POST {url}");
            }
        }
        failures.ShouldBeEmpty();
    }

    static object? Sample(Type type) =>
        type == typeof(Guid) ? Guid.NewGuid() : type == typeof(string) ? "x" : type == typeof(string[]) ? new[] { "x" } :
        type.IsValueType ? Activator.CreateInstance(type) : null;

    static bool IsAuthRedirect(string? location)
    {
        if (location is null) return false;
        var path = Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri.AbsolutePath : location.Split('?')[0];
        return path is "/signin" or "/not-allowed";
    }

    static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        var url = route;
        foreach (var segment in System.Text.RegularExpressions.Regex.Matches(route, @"\{([^}:]+)(:[^}]+)?\}").Select(m => m))
            url = url.Replace(segment.Value, values.GetValueOrDefault(segment.Groups[1].Value, "0"));
        return url == "/status/0" ? "/status/404" : url;
    }

    async Task<FormClient> PupilAsync(SchoolPlan school)
    {
        var client = FormClient.For(app);
        await client.SignInPupilAsync(school.Pupils.First().CardSecret);
        return client;
    }

    async Task<FormClient> AdultAsync(AdultPlan adult)
    {
        var client = FormClient.For(app);
        await client.SignInAdultAsync(adult.Email, adult.Password);
        return client;
    }
}
