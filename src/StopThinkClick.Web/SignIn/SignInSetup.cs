using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace StopThinkClick.Web.SignIn;

public static class SignInSetup
{
    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "stc.signin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/not-allowed";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            });

        // Deny by default: a page or endpoint that names no policy needs someone signed in; the public
        // pages are opened on purpose (Platform/Security/PageAccess.cs).
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Pupil, p => p.RequireRole(Roles.Pupil))
            .AddPolicy(Policies.Parent, p => p.RequireRole(Roles.Parent))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Teacher, Roles.SafeguardingLead, Roles.DeputySafeguardingLead, Roles.SchoolAdmin))
            .AddPolicy(Policies.Safeguarding, p => p.RequireRole(Roles.SafeguardingLead, Roles.DeputySafeguardingLead))
            .AddPolicy(Policies.SchoolAdmin, p => p.RequireRole(Roles.SchoolAdmin));

        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimits.PupilSignIn, context => PerClient(context, limits.PupilSignInPerMinute));
            options.AddPolicy(RateLimits.AdultSignIn, context => PerClient(context, limits.AdultSignInPerMinute));
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many tries in a short time. Please wait a minute, then try again.", ct);
            };
        });
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddSingleton<WrongCodeGuard>();
        builder.Services.AddScoped<PupilSignInService>();
        builder.Services.AddScoped<AdultSignInService>();
        return builder;
    }

    static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        RateLimitPartition.GetSlidingWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
            new SlidingWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 });

    /// <summary>Pages redirect to sign in; API and hub calls get a plain status code instead of an HTML page.</summary>
    static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
