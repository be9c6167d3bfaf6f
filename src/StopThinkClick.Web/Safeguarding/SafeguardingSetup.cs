using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Safeguarding.Audit;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.Safeguarding.Team;

namespace StopThinkClick.Web.Safeguarding;

public static class SafeguardingSetup
{
    public static WebApplicationBuilder AddSafeguarding(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts =>
        {
            // Inline: a concern is in the log in the same transaction that stores it.
            opts.Projections.Add<ConcernProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Concern>().Index(c => c.Status).Index(c => c.PupilId);
            opts.Schema.For<ConcernText>().Index(t => t.ConcernId);
            opts.Schema.For<WorryWindow>().UseOptimisticConcurrency(true);
            opts.Schema.For<AccessRecord>().Index(r => r.At);
            opts.Events.AddEventTypes([typeof(ConcernRaised), typeof(WorryRepeated), typeof(ConcernViewed), typeof(ConcernAcknowledged),
                typeof(ConcernNoteAdded), typeof(ConcernActionRecorded), typeof(ConcernClosed)]);
        });
        // Concern pages show children's worries: no browser or proxy may keep a copy (a shared staff laptop's back button).
        builder.Services.Configure<RazorPagesOptions>(options => options.Conventions.AddFolderApplicationModelConvention("/Safeguarding",
            page => page.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None })));
        builder.Services.AddSingleton<AccessLog>();
        builder.Services.AddSafeguardingTeam();
        // After Marten's own start-up work (registered earlier, in AddEventStore), and before the server
        // takes its first request: WebApplication starts the app's hosted services first (dotnet/aspnetcore#36122).
        builder.Services.AddSingleton<ConcernTextAuthorMigration>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConcernTextAuthorMigration>());
        return builder;
    }
}
