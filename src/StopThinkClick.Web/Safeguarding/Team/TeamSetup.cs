using JasperFx.Events.Projections;
using Marten;

namespace StopThinkClick.Web.Safeguarding.Team;

public static class TeamSetup
{
    public static IServiceCollection AddSafeguardingTeam(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline: a change waiting for approval is on the team's page in the same transaction that asks for it.
            opts.Projections.Add<TeamChangeProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<TeamChange>().Index(c => c.Status);
            opts.Events.AddEventTypes([typeof(TeamChangeAsked), typeof(TeamChangeApproved), typeof(TeamChangeRefused)]);
        });
        services.AddScoped<TeamChanges>();
        services.AddScoped<TeamMail>();
        return services;
    }
}
