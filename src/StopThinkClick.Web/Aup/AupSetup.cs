using JasperFx.Events.Projections;
using Marten;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Aup;

public static class AupSetup
{
    public static WebApplicationBuilder AddAup(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts =>
        {
            // Inline: a parent's next step and the teacher's table read a signature as soon as it commits.
            opts.Projections.Add<AupRecordProjection>(ProjectionLifecycle.Inline);
            opts.Events.AddEventTypes([typeof(AupSigned), typeof(AupCoSigned), typeof(ParentAgreementSigned), typeof(ConsentGiven), typeof(ConsentWithdrawn)]);
        });
        // Schools from before the AUP record had it inside the pupil's progress: build it from their events once.
        builder.Services.AddReadModelBackfill<AupRecordProjection>("aup-record-v1");
        builder.Services.AddScoped<AupActions>();
        return builder;
    }
}
