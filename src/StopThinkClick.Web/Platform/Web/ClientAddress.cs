using System.Net;
using System.Net.Sockets;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>
/// Who a per-address limit counts a request against. An IPv4 address is one household or one
/// school. An IPv6 address is not: a home or school network is given a whole /64 and every device
/// picks addresses in it at will, so one guesser could look like millions of clients. Limits count
/// the /64 (the network), never the full IPv6 address.
/// </summary>
public static class ClientAddress
{
    public static string PartitionOf(HttpContext context) => PartitionOf(context.Connection.RemoteIpAddress);

    public static string PartitionOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
