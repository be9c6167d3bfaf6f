using JasperFx.Events.Projections;
using Marten;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Teachers.Dashboard;

namespace StopThinkClick.Web.Teachers.Coverage;

public static class CoverageSetup
{
    /// <summary>The rows the class dashboard and the coverage report read, kept inline (see <see cref="PupilCoverageProjection"/> for why).</summary>
    public static WebApplicationBuilder AddCoverage(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts => opts.Projections.Add<PupilCoverageProjection>(ProjectionLifecycle.Inline));
        builder.Services.AddReadModelBackfill<PupilCoverageProjection>("pupil-coverage-v1");
        builder.Services.AddSingleton<ClassOverviews>();
        return builder;
    }
}
