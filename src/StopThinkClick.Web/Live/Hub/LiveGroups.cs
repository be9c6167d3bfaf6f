namespace StopThinkClick.Web.Live.Hub;

/// <summary>One SignalR group per session and audience: what the board may show is not what the console shows.</summary>
public static class LiveGroups
{
    public static string Pupils(Guid session) => $"live:{session:N}:pupils";
    public static string Board(Guid session) => $"live:{session:N}:board";
    public static string Console(Guid session) => $"live:{session:N}:console";
}
