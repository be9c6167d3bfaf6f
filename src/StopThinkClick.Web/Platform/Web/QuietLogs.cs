namespace StopThinkClick.Web.Platform.Web;

/// <summary>
/// What the console says: the URL and the demo logins, warnings and errors — not Marten's schema
/// SQL (about 900 lines on first run) nor a line per request, which in Production would also fill
/// a school's server log with pupils' page paths. Configuration (<c>Logging__LogLevel__…</c>)
/// still overrides any of these for a developer who wants them.
/// </summary>
public static class QuietLogs
{
    static readonly string[] ChattyCategories =
    [
        "Marten", "JasperFx", "Weasel", "Npgsql",
        "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime",
    ];

    public static WebApplicationBuilder AddQuietLogs(this WebApplicationBuilder builder)
    {
        foreach (var category in ChattyCategories)
            if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
                builder.Logging.AddFilter(category, LogLevel.Warning);
        return builder;
    }
}
