using Marten;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Privacy.Retention;
using StopThinkClick.Web.Pupils.Progress;

namespace StopThinkClick.Web.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// Masking rules for erasure: events never hold names or free text, only pupil ids; erasing a
    /// pupil blanks their id in every event that names it, so what remains (counts, answers per
    /// option) is anonymous.
    /// </summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts =>
        {
            var e = opts.Events;
            e.AddMaskingRuleForProtectedInformation<LessonStarted>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<LessonStepViewed>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<LessonCompleted>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<QuizStarted>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<QuestionAnswered>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<QuizCompleted>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<ScenarioStarted>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<StoppedToThink>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<ScenarioChoiceMade>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<ScenarioFinished>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<BadgeEarned>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<LiveSessionAttended>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<AupSigned>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<AupCoSigned>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<ParentAgreementSigned>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<ConsentGiven>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<ConsentWithdrawn>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });

            e.AddMaskingRuleForProtectedInformation<LiveSessionStarted>(x => x with { ClassPupils = ErasureScope.Without(x.ClassPupils) });
            e.AddMaskingRuleForProtectedInformation<PupilJoined>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<PupilLeft>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<LiveAnswerReceived>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<VoteCast>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<WorryRaised>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<MeaningAsked>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<PromiseAffirmed>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<PupilSigned>(x => x with { PupilId = ErasureScope.Blank(x.PupilId) });
            e.AddMaskingRuleForProtectedInformation<SignaturesWitnessed>(x => x with { PupilIds = ErasureScope.Without(x.PupilIds) });
        });
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<RetentionSettings>().Identity(x => x.Id);
            opts.Schema.For<RetentionMarks>().Identity(x => x.Id);
        });
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        builder.Services.AddScoped<RetentionRun>();
        builder.Services.AddHostedService<RetentionSchedule>();
        builder.Services.AddScoped<PupilErasure>();
        builder.Services.AddScoped<SubjectAccessExport>();
        return builder;
    }
}
