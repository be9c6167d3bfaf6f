using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StopThinkClick.Web.Live.Hub;

namespace StopThinkClick.Load;

/// <summary>
/// The baseline: a SignalR hub with the live hub's method names and the same fan-in (an answer is
/// pushed to the session's console) but no sign-in, no rules and no database. Whatever the real
/// app costs above this is ours; what this costs is SignalR's and the machine's.
/// </summary>
sealed class BareHub : Hub
{
    public async Task<JoinState> Join(Guid sessionId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "p-" + sessionId);
        return new JoinState(true, null, 0, false, false);
    }

    public async Task<JoinState> Watch(Guid sessionId, string view)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "c-" + sessionId);
        return new JoinState(true, null, 0, false, false);
    }

    public async Task<Ack> Next(Guid sessionId)
    {
        await Clients.Group("p-" + sessionId).SendAsync(nameof(ILiveClient.SlideChanged), 1);
        return new Ack(true);
    }

    public async Task<Ack> Answer(Guid sessionId, Guid answerId, string questionId, string[] optionIds, long sentAtMs)
    {
        await Clients.Group("c-" + sessionId).SendAsync(nameof(ILiveClient.AnswerSeen),
            new SeenAnswer(Guid.Empty, "A pupil", questionId, optionIds, true, answerId, sentAtMs));
        return new Ack(true);
    }

    public async Task<Ack> Vote(Guid sessionId, Guid voteId, string sceneId, string choiceId)
    {
        await Clients.Group("c-" + sessionId).SendAsync(nameof(ILiveClient.VoteCounted), new VoteCounts(sceneId, new Dictionary<string, int>(), 1, 1));
        return new Ack(true);
    }

    public Task<Ack> OpenVote(Guid sessionId) => Task.FromResult(new Ack(true));
    public Task<Ack> CloseVote(Guid sessionId) => Task.FromResult(new Ack(true));
    public Task<Ack> End(Guid sessionId) => Task.FromResult(new Ack(true));

    /// <summary>Serves the bare hub until killed: <c>StopThinkClick.Load --bare-hub URL</c>.</summary>
    public static async Task ServeAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapGet("/health/ready", () => "ok");
        app.MapHub<BareHub>("/hubs/live", o => o.AllowStatefulReconnects = true);
        await app.RunAsync();
    }
}
