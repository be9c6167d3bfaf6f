using JasperFx.Events.Projections;
using Marten;
using StopThinkClick.Web.Safeguarding.Concerns;

namespace StopThinkClick.Web.Safeguarding;

public static class SafeguardingSetup
{
    public static WebApplicationBuilder AddSafeguarding(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts =>
        {
            // Inline: a concern is in the log in the same transaction that stores it.
            opts.Projections.Add<ConcernProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Concern>().Index(c => c.Status);
            opts.Schema.For<ConcernText>().Index(t => t.ConcernId);
            opts.Events.AddEventTypes([typeof(ConcernRaised), typeof(ConcernViewed), typeof(ConcernAcknowledged),
                typeof(ConcernNoteAdded), typeof(ConcernActionRecorded), typeof(ConcernClosed)]);
        });
        return builder;
    }
}
