using Microsoft.AspNetCore.Diagnostics;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>
/// The hub and any /api address are called by scripts, not read by people: a refusal there is a
/// bare status code (401, 403, 404), not the friendly HTML status page meant for a browser tab.
/// </summary>
public static class PlainStatus
{
    public static IApplicationBuilder UsePlainStatusForMachines(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/api"))
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        return next(context);
    });
}
