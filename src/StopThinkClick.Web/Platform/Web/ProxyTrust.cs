using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>
/// Which reverse proxies may say who the client was (X-Forwarded-For, -Proto, -Host). Only those
/// named in <c>Web:KnownProxies</c> (addresses or networks, e.g. <c>10.0.0.5, 10.1.0.0/16</c>), so a
/// client that reaches the app directly cannot forge its address past the per-address limits.
/// <c>Web:BehindProxy=true</c> alone trusts only a proxy on this same machine (loopback).
/// </summary>
public static class ProxyTrust
{
    public const string KnownProxiesKey = "Web:KnownProxies";

    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool>("Web:BehindProxy") || !string.IsNullOrWhiteSpace(configuration[KnownProxiesKey]);

    /// <summary>Fills <paramref name="options"/> from the setting; without one, the framework's default (loopback only) stays.</summary>
    public static void Configure(ForwardedHeadersOptions options, string? knownProxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        var (addresses, networks) = Parse(knownProxies);
        if (addresses.Count == 0 && networks.Count == 0) return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in addresses) options.KnownProxies.Add(address);
        foreach (var network in networks) options.KnownIPNetworks.Add(network);
    }

    /// <summary>Addresses and networks from the setting; a wrong entry is named, so start-up can say which.</summary>
    public static (IReadOnlyList<IPAddress> Addresses, IReadOnlyList<System.Net.IPNetwork> Networks) Parse(string? knownProxies)
    {
        var (addresses, networks) = (new List<IPAddress>(), new List<System.Net.IPNetwork>());
        foreach (var entry in (knownProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) addresses.Add(address);
            else throw new FormatException($"{KnownProxiesKey}: '{entry}' is not an address or a network such as 10.1.0.0/16.");
        }
        return (addresses, networks);
    }
}
