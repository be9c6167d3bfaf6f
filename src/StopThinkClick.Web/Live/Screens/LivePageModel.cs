using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Live.Screens;

/// <summary>Loads the running session for a page, checking the caller as the hub does.</summary>
public abstract class LivePageModel(LiveSessions sessions) : PageModel
{
    public LiveSession? Live { get; private set; }

    protected async Task<bool> LoadForTeacherAsync(Guid sessionId, CancellationToken ct)
    {
        Live = User.IsInRole(Roles.Pupil) ? null : await sessions.GetAsync(User.SchoolId(), sessionId, ct);
        return Live is not null && Live.State.TeacherId == User.PersonId();
    }

    protected async Task<bool> LoadForPupilAsync(Guid sessionId, CancellationToken ct)
    {
        Live = User.IsInRole(Roles.Pupil) ? await sessions.GetAsync(User.SchoolId(), sessionId, ct) : null;
        return Live is not null && Live.State.ClassId == User.ClassId();
    }
}

/// <summary>
/// What a slide partial needs: the session, one snapshot of it (taken once, so every part of the
/// page shows the same moment), and (on a pupil's screen) which pupil is looking.
/// </summary>
public sealed record LiveView(LiveSession Live, Guid? Pupil, string BaseUrl)
{
    public LiveSnapshot Snapshot { get; } = Live.Snapshot;
    public LiveSessionState State => Snapshot.State;
    public int Version => Snapshot.ScreenVersion;
    public Slide Slide => Live.Script[State.Slide];
    public StopThinkClick.Curriculum.Model.Question? Question => Live.Script.QuestionOf(Slide);
    public StopThinkClick.Curriculum.Model.Scene? Scene =>
        Slide.Kind == SlideKind.Scene && Live.Script.Scenario is { } story ? story.Scene(State.SceneId ?? story.StartSceneId) : null;
    public string SlideName => Slide.Kind switch
    {
        SlideKind.Welcome => "Welcome",
        SlideKind.Step => $"Page {Slide.StepNumber}",
        SlideKind.Question => $"Question {Live.Script.Quiz!.Questions.ToList().FindIndex(q => q.Id == Slide.QuestionId) + 1}",
        SlideKind.Scene => "Story",
        SlideKind.Promise => $"Promise {Live.Script.Aup!.Promises.ToList().FindIndex(p => p.Id == Slide.PromiseId) + 1}",
        SlideKind.Sign => "Signing",
        _ => "Finish",
    };
}
