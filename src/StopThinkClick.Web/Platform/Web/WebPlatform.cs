using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using StopThinkClick.Web.Curriculum;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Security;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>The web pipeline every feature shares: pages, static files, headers, errors, sign-in checks.</summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        builder.AddQuietLogs();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        // Pages live in their feature folders (Pupils/, Teachers/ …) rather than in one Pages/ folder.
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/";
            options.Conventions.OpenPublicPages();
        });
        builder.Services.AddTransportSecurity();
        PublicAddress.Add(builder);
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "stc.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = "RequestVerificationToken";
        });
        // Behind the school's or trust's reverse proxy (docs/operations.md): trust its X-Forwarded-* headers, and nobody else's.
        // Read now, so a mistyped address stops start-up with its name rather than failing every request.
        var trusted = new ForwardedHeadersOptions();
        ProxyTrust.Configure(trusted, builder.Configuration[ProxyTrust.KnownProxiesKey]);
        builder.Services.Configure<ForwardedHeadersOptions>(options => ProxyTrust.Configure(options, builder.Configuration[ProxyTrust.KnownProxiesKey]));
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        if (ProxyTrust.Enabled(app.Configuration)) app.UseForwardedHeaders();
        // After the forwarded headers, so a request that reached the proxy over TLS counts as https.
        app.UseHsts();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // A busy or restarting database is shown as "busy, try again" and logged as a warning
            // by the error page; anything else is a bug and logged as an error.
            SuppressDiagnosticsCallback = context => DatabaseTrouble.Is(context.Exception),
        });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UsePlainStatusForMachines();
        app.UseStaticFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(app.Services.GetRequiredService<ContentPictures>().Directory),
            RequestPath = "/pictures",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        // An address nothing answers is a plain "not found" for everyone (the status page says so
        // kindly); without this the deny-by-default policy would send a stranger to sign in first.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
