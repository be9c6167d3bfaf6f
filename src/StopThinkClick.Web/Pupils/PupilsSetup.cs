using JasperFx.Events.Projections;
using Marten;
using StopThinkClick.Web.Pupils.Progress;
using StopThinkClick.Web.Teachers.SetWork;

namespace StopThinkClick.Web.Pupils;

public static class PupilsSetup
{
    public static WebApplicationBuilder AddPupils(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts =>
        {
            // Inline: the page after a tap reads the new progress straight away.
            opts.Projections.Add<PupilProgressProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<WorkSet>().Index(w => w.ClassId);
            opts.Events.AddEventTypes([
                typeof(LessonStarted), typeof(LessonStepViewed), typeof(LessonCompleted), typeof(QuizStarted),
                typeof(QuestionAnswered), typeof(QuizCompleted), typeof(ScenarioStarted), typeof(StoppedToThink),
                typeof(ScenarioChoiceMade), typeof(ScenarioFinished), typeof(BadgeEarned), typeof(LiveSessionAttended)]);
        });
        builder.Services.AddScoped<PupilActions>();
        return builder;
    }
}
