using System.Net;
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
        ["/"] = Who.Everyone, ["/about"] = Who.Everyone, ["/privacy"] = Who.Everyone, ["/guides"] = Who.Everyone,
        ["/guides/{band}"] = Who.Everyone, ["/signin"] = Who.Everyone, ["/signout"] = Who.Everyone,
        // These two only ever answer with an error status (403, or 404 when nothing failed), for everyone.
        ["/not-allowed"] = Who.None, ["/error"] = Who.None, ["/status/{code:int}"] = Who.None, ["/health/live"] = Who.Everyone, ["/health/ready"] = Who.Everyone,
        ["/pupil/signin"] = Who.Everyone, ["/pupil/signin/{code}"] = Who.Everyone, ["/pupil/signin/{code}/{pupilId:guid}"] = Who.Everyone,
        ["/card/{secret}"] = Who.Everyone, ["/parent/join"] = Who.Everyone, ["/live/join"] = Who.Everyone, ["/live/code/{code}"] = Who.Everyone,

        ["/pupil"] = Who.Pupil, ["/pupil/reminder"] = Who.Pupil, ["/pupil/settings"] = Who.Pupil, ["/pupil/worried"] = Who.Pupil,
        ["/pupil/lessons/{lessonId}"] = Who.Pupil, ["/pupil/lessons/{lessonId}/{step:int}"] = Who.Pupil, ["/pupil/lessons/{lessonId}/done"] = Who.None, // only after finishing; the walk has not
        ["/pupil/quizzes/{quizId}"] = Who.Pupil, ["/pupil/quizzes/{quizId}/{attemptId:guid}/{number:int}"] = Who.Pupil,
        ["/pupil/quizzes/{quizId}/{attemptId:guid}/done"] = Who.None,
        ["/pupil/scenarios/{scenarioId}"] = Who.Pupil, ["/pupil/scenarios/{scenarioId}/{runId:guid}"] = Who.Pupil,
        ["/pupil/scenarios/{scenarioId}/{runId:guid}/think/{sceneId}/{choiceId}"] = Who.Pupil,
        ["/live/{sessionId:guid}/pupil"] = Who.Pupil,

        ["/parent"] = Who.Parent, ["/parent/children/{pupilId:guid}"] = Who.Parent, ["/parent/children/{pupilId:guid}/aup"] = Who.Parent,

        ["/teacher"] = Who.Staff, ["/teacher/browse"] = Who.Staff, ["/teacher/browse/{itemId}"] = Who.Staff, ["/coverage"] = Who.Staff, ["/concerns"] = Who.Staff, ["/concerns/new"] = Who.Staff,
        ["/teacher/classes/{classId:guid}"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/cards"] = Who.Teacher | Who.Admin,
        ["/teacher/classes/{classId:guid}/live"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/set-work"] = Who.Teacher | Who.Admin,
        ["/teacher/classes/{classId:guid}/aup"] = Who.Teacher | Who.Admin, ["/teacher/classes/{classId:guid}/aup/certificates"] = Who.Teacher | Who.Admin,
        ["/live/{sessionId:guid}/board"] = Who.Teacher, ["/live/{sessionId:guid}/console"] = Who.Teacher, ["/live/{sessionId:guid}/summary"] = Who.Teacher | Who.Admin,

        ["/safeguarding"] = Who.Lead, ["/safeguarding/concerns/{concernId:guid}"] = Who.Lead,

        ["/admin"] = Who.Admin, ["/admin/classes/{classId:guid}"] = Who.Admin, ["/admin/classes/{classId:guid}/invitations"] = Who.Admin,
        ["/admin/pupils/import"] = Who.Admin, ["/admin/staff"] = Who.Admin, ["/admin/pupils/{pupilId:guid}"] = Who.Admin,
    };

    /// <summary>Public routes that still refuse someone: a pupil of another school cannot join A's session by its code.</summary>
    static readonly HashSet<(string Route, string Person)> Refused = [("/live/code/{code}", "pupil B")];

    /// <summary>Routes that carry none of school A's ids: school B's people see their own school there.</summary>
    static readonly HashSet<string> OwnSchoolRoutes =
        ["/pupil", "/pupil/reminder", "/pupil/settings", "/pupil/worried", "/parent", "/teacher", "/teacher/browse", "/teacher/browse/{itemId}", "/coverage", "/concerns", "/concerns/new",
         "/safeguarding", "/admin", "/admin/pupils/import", "/admin/staff",
         "/pupil/lessons/{lessonId}", "/pupil/lessons/{lessonId}/{step:int}", "/pupil/quizzes/{quizId}", "/pupil/scenarios/{scenarioId}"];

    [Fact]
    public async Task Every_route_opens_only_for_the_people_the_matrix_allows()
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
            ["band"] = "y3", ["code"] = a.Classes[0].Code, ["pupilId"] = a.Pupils.First().Id.ToString(), ["secret"] = a.Pupils.Last().CardSecret,
            ["lessonId"] = lesson.Id, ["itemId"] = lesson.Id, ["step"] = "1", ["quizId"] = quiz.Id, ["attemptId"] = attempt, ["number"] = "1",
            ["scenarioId"] = story.Id, ["runId"] = run, ["sceneId"] = story.StartSceneId, ["choiceId"] = story.Start.Choices.FirstOrDefault(c => c.Risky)?.Id ?? "c1",
            ["sessionId"] = sessionId.ToString(), ["classId"] = a.Classes[0].Id.ToString(), ["concernId"] = concernId.ToString(),
        };

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
