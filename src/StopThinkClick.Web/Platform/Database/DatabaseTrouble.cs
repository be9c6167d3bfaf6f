using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// An exception that only means "the database is slow, restarting or unreachable" (or the request
/// was given up): expected now and then in a school, told kindly ("busy, try again"), and not
/// logged as a bug.
/// </summary>
public static class DatabaseTrouble
{
    public static bool Is(Exception? e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is NpgsqlException or TimeoutException or OperationCanceledException)
                return true;
        return false;
    }
}
