using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.SignalR;
using StopThinkClick.Web.Live.Hub;
using StopThinkClick.Web.Live.ScaleOut;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Live.Storage;
using StopThinkClick.Web.Live.Summary;

namespace StopThinkClick.Web.Live;

public static class LiveSetup
{
    /// <summary>Every event a live session's stream can hold (Marten needs them up front; the scale-out bus names them).</summary>
    public static readonly Type[] LiveEventTypes =
    [
        typeof(LiveSessionStarted), typeof(PupilJoined), typeof(PupilLeft), typeof(SlideShown),
        typeof(AnswersRevealed), typeof(LiveAnswerReceived), typeof(VoteOpened), typeof(VoteCast), typeof(VoteClosed),
        typeof(BranchChosen), typeof(BoardNamesChanged), typeof(ScreensLocked), typeof(ScreensUnlocked), typeof(WorryRaised), typeof(MeaningAsked),
        typeof(LiveSessionEnded), typeof(StopThinkClick.Web.Aup.PromiseAffirmed), typeof(StopThinkClick.Web.Aup.PupilSigned),
        typeof(StopThinkClick.Web.Aup.SignaturesWitnessed),
    ];

    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(options =>
        {
            // Answers, votes and commands are tiny: refuse anything bigger than a few kilobytes.
            options.MaximumReceiveMessageSize = 8 * 1024;
            options.EnableDetailedErrors = false;
            options.AddFilter<HubGuard>();
            options.AddFilter<HubArgumentCheck>();
        }).AddScaleOut(builder);
        builder.Services.AddSingleton<HubGuard>();
        builder.Services.AddSingleton<OpenLiveConnections>();
        builder.Services.AddHostedService<RevokedConnectionSweeper>();
        builder.Services.AddSingleton<HubArgumentCheck>();
        builder.Services.AddSingleton<EventWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventWriter>());
        builder.Services.AddSingleton<LiveStream>();
        builder.Services.AddSingleton<LiveSessions>();
        builder.Services.AddHostedService<IdleSessionSweeper>();
        builder.Services.AddSingleton<LiveSessionLifecycle>();
        builder.Services.AddSingleton<LiveNotifier>();
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<LiveSessionCard>().Index(c => c.ClassId);
            opts.Schema.For<LiveSessionSummary>().Index(s => s.ClassId);
            opts.Schema.For<JoinCodeEntry>().SingleTenanted();
            opts.Events.AddEventTypes(LiveEventTypes);
        });
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        // Stateful reconnect: a tablet whose Wi-Fi drops for a moment keeps its connection and gets
        // every message sent meanwhile.
        app.MapHub<LiveHub>("/hubs/live", options => options.AllowStatefulReconnects = true);
        return app;
    }
}
