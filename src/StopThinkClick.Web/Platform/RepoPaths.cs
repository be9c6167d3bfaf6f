namespace StopThinkClick.Web.Platform;

/// <summary>
/// Finds the folders the app serves from: <c>content/</c> (the curriculum) and <c>wwwroot/</c>
/// (the web root) live at the top of the repository, beside <c>StopThinkClick.sln</c>, so that a
/// curriculum lead edits them without opening the code. A published app carries both beside its dll.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");
    public static string WebRoot => Path.Combine(Root, "wwwroot");
    public static string Data => Path.Combine(Root, ".data");

    static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "content")) &&
                    Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            "Cannot find the content/ and wwwroot/ folders above " + Directory.GetCurrentDirectory() +
            " — run the app from inside the repository, or publish it with both folders beside it.");
    }
}
