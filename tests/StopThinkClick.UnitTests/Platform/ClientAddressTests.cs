using System.Net;
using StopThinkClick.Web.Platform.Web;

namespace StopThinkClick.UnitTests.Platform;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("2001:db8:5:6::1", "2001:db8:5:6::/64")]
    [InlineData("2001:db8:5:6:a:b:c:d", "2001:db8:5:6::/64")]
    [InlineData("2001:db8:5:7::1", "2001:db8:5:7::/64")]
    public void Limits_count_an_IPv4_address_as_itself_and_an_IPv6_address_by_its_64(string address, string partition) =>
        ClientAddress.PartitionOf(IPAddress.Parse(address)).ShouldBe(partition);

    [Fact]
    public void Known_proxies_take_addresses_and_networks()
    {
        var (addresses, networks) = ProxyTrust.Parse("10.0.0.5, 10.1.0.0/16;fd00::1");
        addresses.ShouldBe([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::1")]);
        networks.ShouldHaveSingleItem().ToString().ShouldBe("10.1.0.0/16");
    }

    [Fact]
    public void No_setting_names_no_proxy() => ProxyTrust.Parse(null).Addresses.ShouldBeEmpty();

    [Fact]
    public void A_mistyped_proxy_is_named() =>
        Should.Throw<FormatException>(() => ProxyTrust.Parse("10.0.0.5, proxy.school")).Message.ShouldContain("proxy.school");
}
