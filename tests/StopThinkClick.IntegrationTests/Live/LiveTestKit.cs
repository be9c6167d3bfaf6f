using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.IntegrationTests.Live;

/// <summary>Starting sessions and joining pupils the way the pages and tablets do.</summary>
public static class LiveTestKit
{
    public static Catalogue Catalogue(this AppOnKestrel app) => app.Services.GetRequiredService<Catalogue>();

    public static async Task<Guid> StartAsync(FormClient teacher, Guid classId, string kind, string itemId)
    {
        var started = await teacher.PostFormAsync($"/teacher/classes/{classId}/live", new Dictionary<string, string> { ["kind"] = kind, ["itemId"] = itemId });
        started.Status.ShouldBe(HttpStatusCode.Redirect, started.Body);
        return Guid.Parse(started.Location!.Split('/')[2]);
    }

    public static async Task<(FormClient Http, LiveClient Live)> TeacherAsync(AppOnKestrel app, AdultPlan teacher, Guid sessionId, string view)
    {
        var http = FormClient.For(app);
        await http.SignInAdultAsync(teacher.Email, teacher.Password);
        var live = await LiveClient.ConnectAsync(app.BaseUrl, http.Cookies);
        (await live.SendAsync<JoinState>("Watch", sessionId, view)).Ok.ShouldBeTrue();
        return (http, live);
    }

    public static async Task<LiveClient> PupilAsync(string baseUrl, AppOnKestrel app, PupilPlan pupil, Guid sessionId, bool join = true)
    {
        var http = FormClient.For(app);
        await http.SignInPupilAsync(pupil.CardSecret);
        var live = await LiveClient.ConnectAsync(baseUrl, http.Cookies);
        if (join) (await live.SendAsync<JoinState>("Join", sessionId)).Ok.ShouldBeTrue();
        return live;
    }

    /// <summary>A right answer, or a wrong one, in the shape the hub takes (option ids; for sort, the safe box).</summary>
    public static string[] Answer(Question question, bool right) => question.Type switch
    {
        QuestionType.Sort => right ? question.RightOptions.Select(o => o.Id).ToArray() : question.Options.Where(o => !o.Right).Select(o => o.Id).ToArray(),
        _ => right ? question.RightOptions.Select(o => o.Id).ToArray() : [question.Options.First(o => !o.Right).Id],
    };
}
