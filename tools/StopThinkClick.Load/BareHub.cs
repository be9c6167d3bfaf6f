using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StopThinkClick.Web.Live.Hub;

namespace StopThinkClick.Load;

/// <summary>
/// The baselines: a SignalR hub with the live hub's method names and the same fan-in (an answer is
/// pushed to the session's console) but no sign-in and no rules. Bare, it has no database either:
/// what it costs is SignalR's and the machine's. Durable (<c>--durable</c>), it first appends each
/// answer and vote through <see cref="DurableAnswers"/> and acknowledges and pushes only once that
/// is committed, as the app does: the honest floor for a durable answer on this machine.
/// </summary>
sealed class BareHub(DurableAnswers? durable = null) : Hub
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
        if (durable is not null) await durable.AppendAsync(answerId, sessionId, questionId, optionIds);
        await Clients.Group("c-" + sessionId).SendAsync(nameof(ILiveClient.AnswerSeen),
            new SeenAnswer(Guid.Empty, "A pupil", questionId, optionIds, true, answerId, sentAtMs));
        return new Ack(true);
    }

    public async Task<Ack> Vote(Guid sessionId, Guid voteId, string sceneId, string choiceId)
    {
        if (durable is not null) await durable.AppendAsync(voteId, sessionId, sceneId, [choiceId]);
        await Clients.Group("c-" + sessionId).SendAsync(nameof(ILiveClient.VoteCounted), new VoteCounts(sceneId, new Dictionary<string, int>(), 1, 1));
        return new Ack(true);
    }

    public Task<Ack> OpenVote(Guid sessionId) => Task.FromResult(new Ack(true));
    public Task<Ack> CloseVote(Guid sessionId) => Task.FromResult(new Ack(true));
    public Task<Ack> End(Guid sessionId) => Task.FromResult(new Ack(true));

    /// <summary>Serves the bare hub until killed: <c>StopThinkClick.Load --bare-hub URL [--durable CONNECTION]</c>.</summary>
    public static async Task ServeAsync(string url, string? durableConnection)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (durableConnection is not null) builder.Services.AddSingleton(await DurableAnswers.OpenAsync(durableConnection));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapGet("/health/ready", () => "ok");
        app.MapHub<BareHub>("/hubs/live", o => o.AllowStatefulReconnects = true);
        await app.RunAsync();
    }
}
