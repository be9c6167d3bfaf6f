using System.Threading.RateLimiting;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using StopThinkClick.Web.SignIn.Links;
using StopThinkClick.Web.SignIn.Sessions;
using StopThinkClick.Web.SignIn.Throttle;
using StopThinkClick.Web.SignIn.TwoStep;

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
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    // A lead or admin without two-step sign-in is sent to set it up, not just told "no".
                    if (NeedsTwoStep(context.HttpContext.User) && !context.Request.Path.StartsWithSegments("/hubs"))
                    {
                        context.Response.Redirect("/account/two-step?required=true");
                        return Task.CompletedTask;
                    }
                    return RedirectOrStatus(context, StatusCodes.Status403Forbidden);
                };
                // Revocation on the server: a cookie counts only while its stamp is its person's stamp.
                options.Events.OnValidatePrincipal = async context =>
                {
                    var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
                    if (context.Principal is null || !await stamps.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });

        // Deny by default: a page or endpoint that names no policy needs someone signed in; the public
        // pages are opened on purpose (Platform/Security/PageAccess.cs).
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Pupil, p => p.RequireRole(Roles.Pupil))
            .AddPolicy(Policies.Parent, p => p.RequireRole(Roles.Parent))
            .AddPolicy(Policies.Adult, p => p.RequireRole(Roles.Parent, Roles.Teacher, Roles.SafeguardingLead, Roles.DeputySafeguardingLead, Roles.SchoolAdmin))
            // A lead, deputy or admin who has not passed two-step sign-in is not yet staff: their roles open
            // every class's cards and PINs, so a password alone must not (they are sent to set it up).
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Teacher, Roles.SafeguardingLead, Roles.DeputySafeguardingLead, Roles.SchoolAdmin)
                .RequireAssertion(context => !NeedsTwoStep(context.User)))
            .AddPolicy(Policies.Safeguarding, p => p.RequireRole(Roles.SafeguardingLead, Roles.DeputySafeguardingLead).RequireClaim(Principals.TwoStepClaim, Principals.TwoStepValue))
            .AddPolicy(Policies.SchoolAdmin, p => p.RequireRole(Roles.SchoolAdmin).RequireClaim(Principals.TwoStepClaim, Principals.TwoStepValue));

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
        builder.Services.AddSingleton<WrongPinGuard>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SessionStamps>();
        builder.Services.AddSingleton<TryCounters>();
        builder.Services.AddScoped<SignInPauses>();
        builder.Services.AddSingleton<AdultAccounts>();
        builder.Services.AddSingleton<TwoStepTickets>();
        builder.Services.AddScoped<TwoStepCheck>();
        builder.Services.AddScoped<PasswordLinks>();
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailOutbox>());
        builder.Services.AddSingleton<Account.ForgottenPasswords>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Account.ForgottenPasswords>());
        builder.Services.ConfigureMarten((services, opts) =>
        {
            opts.Listeners.Add(new StampListener(services.GetRequiredService<SessionStamps>));
            opts.Schema.For<TryCounter>().SingleTenanted().UseNumericRevisions(true);
            opts.Schema.For<PasswordLink>().SingleTenanted().UseNumericRevisions(true).Index(l => l.Email);
        });
        builder.Services.AddScoped<PupilSignInService>();
        builder.Services.AddScoped<AdultSignInService>();
        return builder;
    }

    static bool NeedsTwoStep(System.Security.Claims.ClaimsPrincipal user) =>
        !user.PassedTwoStep() && (user.IsInRole(Roles.SafeguardingLead) || user.IsInRole(Roles.DeputySafeguardingLead) || user.IsInRole(Roles.SchoolAdmin));

    static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        RateLimitPartition.GetSlidingWindowLimiter(StopThinkClick.Web.Platform.Web.ClientAddress.PartitionOf(context), _ =>
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
