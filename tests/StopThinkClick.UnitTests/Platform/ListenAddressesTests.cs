using System.Net;
using System.Net.Sockets;
using StopThinkClick.Web.Platform.Web;

namespace StopThinkClick.UnitTests.Platform;

public sealed class ListenAddressesTests
{
    [Fact]
    public void A_port_something_already_listens_on_is_named_with_what_to_do()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var problem = ListenAddresses.Problem($"http://127.0.0.1:{port}");

        problem.ShouldNotBeNull();
        problem.ShouldContain($"127.0.0.1:{port} is already in use");
        problem.ShouldContain("STC_URLS=http://127.0.0.1:");
    }

    [Fact]
    public void Free_ports_a_port_chosen_at_start_and_no_address_at_all_are_no_problem()
    {
        int free;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            free = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        ListenAddresses.Problem($"http://127.0.0.1:{free}").ShouldBeNull();
        ListenAddresses.Problem("http://127.0.0.1:0").ShouldBeNull();
        ListenAddresses.Problem(null).ShouldBeNull();
    }
}
