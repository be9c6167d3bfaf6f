using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using StopThinkClick.Web.Live.Hub;

namespace StopThinkClick.TestSupport;

/// <summary>
/// A real .NET SignalR client for the live hub, signed in with a real cookie, recording what it
/// is pushed. Sends retry (same id) until the server answers, as the browser script does.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public HubConnection Connection { get; }
    public ConcurrentQueue<SeenAnswer> Seen { get; } = new();
    public ConcurrentQueue<WorryAlert> Worries { get; } = new();
    public ConcurrentQueue<AnswerCounts> Counts { get; } = new();
    public ConcurrentQueue<JoinedPupil> Joined { get; } = new();
    public ConcurrentQueue<int> Slides { get; } = new();
    public ConcurrentQueue<AffirmationCounts> Affirmed { get; } = new();
    public ConcurrentQueue<string> Ended { get; } = new();
    public int Reconnects;

    public LiveClient(string baseUrl, CookieContainer cookies)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(baseUrl + "/hubs/live", o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .WithStatefulReconnect()
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)])
            .Build();
        Connection.On<SeenAnswer>(nameof(ILiveClient.AnswerSeen), a => Seen.Enqueue(a));
        Connection.On<WorryAlert>(nameof(ILiveClient.Worry), w => Worries.Enqueue(w));
        Connection.On<AnswerCounts>(nameof(ILiveClient.AnswerCounted), c => Counts.Enqueue(c));
        Connection.On<JoinedPupil>(nameof(ILiveClient.PupilJoined), p => Joined.Enqueue(p));
        Connection.On<int>(nameof(ILiveClient.SlideChanged), v => Slides.Enqueue(v));
        Connection.On<AffirmationCounts>(nameof(ILiveClient.Affirmed), c => Affirmed.Enqueue(c));
        Connection.On<string>(nameof(ILiveClient.Ended), url => Ended.Enqueue(url));
        Connection.Reconnected += _ => { Interlocked.Increment(ref Reconnects); return Task.CompletedTask; };
    }

    public static async Task<LiveClient> ConnectAsync(string baseUrl, CookieContainer cookies)
    {
        var client = new LiveClient(baseUrl, cookies);
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>Invokes until the server answers (an ack or a refusal), retrying through dropped connections.</summary>
    public async Task<T> SendAsync<T>(string method, params object?[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Connection.State == HubConnectionState.Disconnected && attempt > 0) await Connection.StartAsync(timeout.Token);
                return await Connection.InvokeCoreAsync<T>(method, args, timeout.Token);
            }
            catch (Exception) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(Math.Min(100 * (attempt + 1), 1000), timeout.Token);
            }
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
