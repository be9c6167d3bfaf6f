using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.SignIn.Sessions;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// The live connections of staff on this node (consoles and boards). A console mostly listens: it
/// would go on receiving names, answers and worries after its teacher signed out elsewhere or was
/// deactivated, because the sign-in is checked only when a connection calls. So every few seconds
/// each one is checked against its person's stamp (cached per node, so this is about one query per
/// member of staff per sweep) and closed once it is no longer current; the client cannot get back in
/// with the old cookie. Pupils' tablets are not swept (three thousand of them would cost a query
/// each): they are shown only the class's slides, and are refused and closed on their next call.
/// </summary>
public sealed class OpenStaffConnections
{
    readonly ConcurrentDictionary<string, HubCallerContext> open = new();

    public void Opened(HubCallerContext connection)
    {
        if (connection.User is { } user && !user.IsInRole(Roles.Pupil)) open[connection.ConnectionId] = connection;
    }

    public void Closed(HubCallerContext connection) => open.TryRemove(connection.ConnectionId, out _);

    /// <summary>Closes every open staff connection whose sign-in has ended; returns how many.</summary>
    public async Task<int> CloseRevokedAsync(SessionStamps stamps, CancellationToken ct)
    {
        var closed = 0;
        foreach (var connection in open.Values)
        {
            if (connection.User is { } user && await stamps.IsCurrentAsync(user, ct)) continue;
            connection.Abort();
            Closed(connection);
            closed++;
        }
        return closed;
    }
}

/// <summary>Runs <see cref="OpenStaffConnections.CloseRevokedAsync"/> every <c>Live:StaffSweepSeconds</c> (default 5).</summary>
public sealed class RevokedConnectionSweeper(OpenStaffConnections connections, SessionStamps stamps, IConfiguration configuration, ILogger<RevokedConnectionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Live:StaffSweepSeconds", 5.0)));
        while (await timer.WaitForNextTickAsync(stopping))
        {
            try
            {
                var closed = await connections.CloseRevokedAsync(stamps, stopping);
                if (closed > 0) logger.LogInformation("Closed {Count} live connections whose sign-in had ended", closed);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not check open staff connections; trying again at the next sweep");
            }
        }
    }
}
