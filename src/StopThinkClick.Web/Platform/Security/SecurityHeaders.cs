namespace StopThinkClick.Web.Platform.Security;

/// <summary>
/// Every response says: only this app's own scripts, styles, fonts and pictures (no CDN, no
/// tracker, no inline script), never framed by another site, no MIME sniffing, no referrer
/// leaking a pupil's page to anyone, and no camera, microphone or location — except the camera
/// for this site itself on the one page marked <see cref="AllowsCameraAttribute"/> (scanning a login card).
/// </summary>
public static class SecurityHeaders
{
    const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Strict-Transport-Security, sent only on a response that went out over TLS (Kestrel's own, or
    /// the school's proxy with Web__BehindProxy=true): once a browser has seen it, it never again
    /// sends a pupil's sign-in cookie over plain http to this address. A year, as browsers expect; no
    /// preload (that is the school's decision for its whole domain). See docs/operations.md.
    /// </summary>
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services) => services.AddHsts(options =>
    {
        options.MaxAge = TimeSpan.FromDays(365);
        options.IncludeSubDomains = true;
        options.Preload = false;
    });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // Read when the response starts, after routing has chosen the page.
            var camera = context.GetEndpoint()?.Metadata.GetMetadata<AllowsCameraAttribute>() is null ? "camera=()" : "camera=(self)";
            headers["Permissions-Policy"] = camera + ", microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next();
    });
}
