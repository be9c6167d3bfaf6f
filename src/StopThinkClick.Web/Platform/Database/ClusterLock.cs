namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// One process at a time creates or starts a cluster: the integration and browser test runs, or the
/// app and <c>./stc backup</c>, may reach for the same cluster at once, and two initdb runs into one
/// folder would wreck it. An exclusive open is an flock on Linux, released if the process dies.
/// </summary>
static class ClusterLock
{
    public static IDisposable Take(string path, TimeSpan? wait = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(200);
            }
        }
    }
}
