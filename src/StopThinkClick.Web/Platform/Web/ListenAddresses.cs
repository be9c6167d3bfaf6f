using System.Net;
using System.Net.Sockets;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>
/// Checks, before anything starts, that the addresses the app was told to listen on are free. A
/// second `./stc run` (or another program on the port) otherwise ends in forty lines of Kestrel
/// stack trace after the database has been started; this says in one line what to do instead.
/// </summary>
public static class ListenAddresses
{
    /// <summary>Null when every address can be listened on (or names a port chosen at start, 0).</summary>
    public static string? Problem(string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls)) return null;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) || uri.Port == 0) continue;
            var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
            if (address is null || Free(address, uri.Port)) continue;
            return $"{uri.Host}:{uri.Port} is already in use, perhaps by StopThinkClick started earlier (from here or another checkout). " +
                $"Stop that program, or give this one another address: STC_URLS=http://127.0.0.1:{(uri.Port == 65535 ? 5081 : uri.Port + 1)} ./stc run";
        }
        return null;
    }

    static bool Free(IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        // As Kestrel binds: connections of a stopped run still closing (TIME_WAIT) do not make the port taken.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // not ours to judge (an address this machine does not have): Kestrel says why
        }
        finally
        {
            listener.Stop();
        }
    }
}
