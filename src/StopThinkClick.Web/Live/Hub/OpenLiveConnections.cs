using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// Every live connection on this node: consoles, boards and pupils' tablets. A connection mostly
/// listens (a console goes on receiving names, answers and worries, a tablet the class's slides), and
/// a sign-in is otherwise checked only when it calls. So every few seconds the stamps of everyone
/// connected are read in bulk (one query per school, see <see cref="SessionStamps.RefreshAsync"/>) and
/// each connection whose sign-in has ended — signed out, deactivated, erased, new cards, whichever node
/// made the change — is closed; the client cannot get back in with the old cookie. The same read keeps
/// the per-call check's cached stamps fresh, so an answer costs no database trip to check its sign-in.
/// </summary>
public sealed class OpenLiveConnections
{
    readonly ConcurrentDictionary<string, HubCallerContext> open = new();

    public void Opened(HubCallerContext connection)
    {
        if (connection.User is not null) open[connection.ConnectionId] = connection;
    }

    public void Closed(HubCallerContext connection) => open.TryRemove(connection.ConnectionId, out _);

    /// <summary>Refreshes everyone's stamp, then closes every open connection whose sign-in has ended; returns how many.</summary>
    public async Task<int> CloseRevokedAsync(SessionStamps stamps, TimeSpan keepStampsFor, CancellationToken ct)
    {
        var connections = open.Values.ToList();
        await stamps.RefreshAsync(connections.Select(c => c.User!).ToList(), keepStampsFor, ct);
        var closed = 0;
        foreach (var connection in connections)
        {
            if (await stamps.IsCurrentAsync(connection.User!, ct)) continue;
            connection.Abort();
            Closed(connection);
            closed++;
        }
        return closed;
    }
}

/// <summary>Runs <see cref="OpenLiveConnections.CloseRevokedAsync"/> every <c>Live:SignInSweepSeconds</c> (default 5).</summary>
public sealed class RevokedConnectionSweeper(OpenLiveConnections connections, SessionStamps stamps, IConfiguration configuration, ILogger<RevokedConnectionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Live:SignInSweepSeconds", 5.0));
        // Kept a little past the next sweep, so a tablet's stamp does not lapse just before it is read again.
        var keepFor = every + SessionStamps.CacheFor;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            try
            {
                var closed = await connections.CloseRevokedAsync(stamps, keepFor, stopping);
                if (closed > 0) logger.LogInformation("Closed {Count} live connections whose sign-in had ended", closed);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not check open live connections; trying again at the next sweep");
            }
        }
    }
}
