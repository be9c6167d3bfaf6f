namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// <c>./stc stop</c>: stops every private PostgreSQL cluster of this checkout (the demo's and the
/// tests'), e.g. one left running after the app was killed, or to free a port for another checkout.
/// </summary>
public static class StopCommand
{
    public static int Run()
    {
        var any = false;
        foreach (var cluster in CheckoutClusters.All(RepoPaths.Root))
        {
            if (!cluster.IsRunning()) continue;
            cluster.Stop();
            Console.WriteLine($"Stopped the PostgreSQL in {cluster.DataDirectory}.");
            any = true;
        }
        if (!any) Console.WriteLine("No PostgreSQL of this checkout was running.");
        return 0;
    }
}
