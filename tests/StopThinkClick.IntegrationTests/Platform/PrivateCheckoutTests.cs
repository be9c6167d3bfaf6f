using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Npgsql;
using StopThinkClick.TestSupport;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.IntegrationTests.Platform;

/// <summary>
/// A newcomer's checkout may sit anywhere: /root or a <c>mktemp -d</c> folder is mode 700, and the
/// tests may run as root or not. The private clusters (the demo's and the tests') start there
/// without loosening that folder, stop again, and each checkout's are its own.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PrivateCheckoutTests
{
    static bool AsRoot => Environment.UserName == "root";

    [Theory]
    [InlineData("postgres")]
    [InlineData("test-postgres")]
    public async Task A_cluster_starts_for_a_checkout_in_a_private_folder_answers_and_stops(string name)
    {
        var checkout = Directory.CreateTempSubdirectory("stc-private-checkout-").FullName;
        try
        {
            ModeOf(checkout).ShouldBe("700");
            OwnerOf(checkout).ShouldBe(Environment.UserName);
            var cluster = CheckoutClusters.For(checkout, name);

            cluster.EnsureStarted().ShouldBeTrue();
            await using (var connection = new NpgsqlConnection(cluster.SuperuserConnectionString("postgres")))
            {
                await connection.OpenAsync();
                await using var dataDirectory = new NpgsqlCommand("show data_directory", connection);
                ((string)(await dataDirectory.ExecuteScalarAsync())!).ShouldBe(cluster.DataDirectory);
            }
            if (AsRoot)
            {
                cluster.DataDirectory.ShouldStartWith(CheckoutClusters.RootHomes + "/");
                OwnerOf(cluster.DataDirectory).ShouldBe("postgres");
            }
            else cluster.DataDirectory.ShouldStartWith(Path.Combine(CheckoutClusters.RealPath(checkout), ".data") + "/");
            ModeOf(checkout).ShouldBe("700");

            cluster.Stop();
            cluster.IsRunning().ShouldBeFalse();
            PortOccupant.Describe(cluster.Port).ShouldBeNull();
        }
        finally
        {
            CheckoutClusters.Forget(checkout);
            Directory.Delete(checkout, recursive: true);
        }
    }

    [Fact]
    public async Task The_app_run_from_a_private_checkout_serves_on_its_own_database_and_stops_it_on_SIGTERM()
    {
        var checkout = Directory.CreateTempSubdirectory("stc-private-app-").FullName;
        var port = FreePort();
        try
        {
            // A checkout as the app finds one: content/ and wwwroot/ at its top (here links to this one's).
            File.CreateSymbolicLink(Path.Combine(checkout, "content"), Path.Combine(StopThinkClick.Web.Platform.RepoPaths.Root, "content"));
            File.CreateSymbolicLink(Path.Combine(checkout, "wwwroot"), Path.Combine(StopThinkClick.Web.Platform.RepoPaths.Root, "wwwroot"));
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "StopThinkClick.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = checkout,
                Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Test", ["Logging__LogLevel__Default"] = "Warning" },
            };
            start.Environment.Remove("ConnectionStrings__Marten");
            using var app = Process.Start(start)!;
            var output = new List<string>();
            app.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
            app.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var until = DateTime.UtcNow.AddSeconds(90);
            while (!await ReadyAsync(http, port))
            {
                if (app.HasExited || DateTime.UtcNow > until) throw new InvalidOperationException("The app did not become ready: " + string.Join('\n', output));
                await Task.Delay(100);
            }
            var cluster = CheckoutClusters.For(checkout, "postgres");
            cluster.IsRunning().ShouldBeTrue();
            ModeOf(checkout).ShouldBe("700");

            Process.Start("kill", ["-TERM", app.Id.ToString()])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await app.WaitForExitAsync(timeout.Token);
            cluster.IsRunning().ShouldBeFalse(string.Join('\n', output));
        }
        finally
        {
            CheckoutClusters.Forget(checkout);
            Directory.Delete(checkout, recursive: true);
        }
    }

    [Fact]
    public void Two_checkouts_have_their_own_ports_and_folders_and_one_checkout_keeps_its_own()
    {
        var one = Directory.CreateTempSubdirectory("stc-one-").FullName;
        var two = Directory.CreateTempSubdirectory("stc-two-").FullName;
        var link = one + "-link";
        try
        {
            File.CreateSymbolicLink(link, one);
            var a = CheckoutClusters.For(one, "postgres");
            var b = CheckoutClusters.For(two, "postgres");
            a.Port.ShouldNotBe(b.Port);
            a.DataDirectory.ShouldNotBe(b.DataDirectory);
            a.Port.ShouldBeInRange(16384, 32383);

            var tests = CheckoutClusters.For(one, "test-postgres");
            tests.Port.ShouldNotBe(a.Port);
            tests.DataDirectory.ShouldNotBe(a.DataDirectory);

            var again = CheckoutClusters.For(link, "postgres");
            (again.Port, again.DataDirectory).ShouldBe((a.Port, a.DataDirectory));
        }
        finally
        {
            File.Delete(link);
            foreach (var dir in new[] { one, two }) { CheckoutClusters.Forget(dir); Directory.Delete(dir, recursive: true); }
        }
    }

    [Fact]
    public async Task A_port_taken_by_another_checkouts_database_is_refused_in_one_line_naming_it()
    {
        await using var other = new OwnPostgres();
        await other.StartAsync();
        var mine = Directory.CreateTempSubdirectory("stc-mine-").FullName;
        try
        {
            var cluster = CheckoutClusters.For(mine, "postgres", other.Server.Port);
            var refused = Should.Throw<InvalidOperationException>(() => cluster.EnsureStarted());
            refused.Message.ShouldNotContain("\n");
            refused.Message.ShouldContain($"127.0.0.1:{other.Server.Port}");
            refused.Message.ShouldContain($"another checkout ({CheckoutClusters.RealPath(other.Checkout)})");
            refused.Message.ShouldContain("./stc stop");
            cluster.IsRunning().ShouldBeFalse();
        }
        finally
        {
            CheckoutClusters.Forget(mine);
            Directory.Delete(mine, recursive: true);
        }
    }

    [Fact]
    public void A_port_taken_by_another_program_is_refused_in_one_line()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var mine = Directory.CreateTempSubdirectory("stc-mine-").FullName;
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var refused = Should.Throw<InvalidOperationException>(() => CheckoutClusters.For(mine, "postgres", port).EnsureStarted());
            refused.Message.ShouldBe($"Port 127.0.0.1:{port} is taken by another program (not this checkout's database): stop it, or give this checkout another port with Database__LocalPort=NNNNN.");
        }
        finally
        {
            listener.Stop();
            CheckoutClusters.Forget(mine);
            Directory.Delete(mine, recursive: true);
        }
    }

    static async Task<bool> ReadyAsync(HttpClient http, int port)
    {
        try { return (await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static string ModeOf(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    static string OwnerOf(string path)
    {
        var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }
}
