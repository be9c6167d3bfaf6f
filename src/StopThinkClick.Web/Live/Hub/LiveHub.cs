using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Platform.Events;
using StopThinkClick.Web.Safeguarding.Concerns;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// The live classroom. Every call names its session and is checked against the caller: pupils may
/// join and answer only in their own class's sessions, only the session's teacher may drive it or
/// watch it as board or console. A pupil's answer, vote or worry is acknowledged only after it is
/// committed; a refusal says why in words a child understands.
/// </summary>
[Authorize]
public sealed partial class LiveHub(LiveSessions sessions, LiveSessionLifecycle lifecycle, TimeProvider clock)
    : Hub<ILiveClient>
{
    CancellationToken Aborted => Context.ConnectionAborted;
    DateTimeOffset Now => clock.GetUtcNow();
    Guid Me => Context.User!.PersonId();

    // ---- Pupils ----------------------------------------------------------------------------

    public async Task<JoinState> Join(Guid sessionId)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return new JoinState(false, problem, 0, false, false);
        var me = Me;
        var decision = await live.SendAsync(new LiveCommand(s => LiveDecider.Join(s, me, Now)), Aborted);
        var snap = live.Snapshot;
        if (decision.Refused) return new JoinState(false, decision.Refusal, 0, false, snap.State.Ended);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Pupils(sessionId), Aborted);
        return new JoinState(true, null, snap.ScreenVersion, snap.State.Locked, snap.State.Ended);
    }

    public async Task<Ack> Answer(Guid sessionId, Guid answerId, string questionId, string[] optionIds, long sentAtMs)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        if (answerId == Guid.Empty || questionId is not { Length: <= 16 } || optionIds is not { Length: <= 12 } || optionIds.Any(o => o is not { Length: <= 8 }))
            return Ack.Refused("That answer could not be read. Please try again.");
        var me = Me;
        return Acked(await live.SendAsync(new LiveCommand(s => LiveDecider.Answer(s, live.Script, me, answerId, questionId, optionIds, Now), SentAtMs: sentAtMs), Aborted));
    }

    public async Task<Ack> Vote(Guid sessionId, Guid voteId, string sceneId, string choiceId)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        if (voteId == Guid.Empty || sceneId is not { Length: <= 80 } || choiceId is not { Length: <= 8 }) return Ack.Refused("That vote could not be read. Please try again.");
        var me = Me;
        return Acked(await live.SendAsync(new LiveCommand(s => LiveDecider.Vote(s, live.Script, me, voteId, sceneId, choiceId, Now)), Aborted));
    }

    /// <summary>
    /// "I'm worried": the concern for the safeguarding lead and the session's record of it commit
    /// together, then the teacher's console (only) is told. <paramref name="worryId"/> is the device's
    /// id for this press, so a resend is recognised; the concern's own id is made here.
    /// </summary>
    public async Task<Ack> Worry(Guid sessionId, Guid worryId)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        if (worryId == Guid.Empty) return Ack.Refused("Please try again.");
        var me = Me;
        var concernId = Guid.CreateVersion7();
        var at = Now;
        var decision = await live.SendAsync(new LiveCommand(s => LiveDecider.Worry(s, me, worryId, concernId, at), async (session, after, _, ct) =>
            await RaiseConcern.StoreAsync(session, new ConcernRaised(concernId, ConcernTopics.SomethingElse, ConcernSource.LiveSession,
                me, after.ClassId, sessionId, null, false, at), null, ct)), Aborted);
        return Acked(decision);
    }

    // ---- The session's teacher -------------------------------------------------------------

    /// <summary>The board (projector) or the console (the teacher's own device) starts watching.</summary>
    public async Task<JoinState> Watch(Guid sessionId, string view)
    {
        var (live, problem) = await TeacherSessionAsync(sessionId);
        if (live is null) return new JoinState(false, problem, 0, false, false);
        var group = view == "console" ? LiveGroups.Console(sessionId) : LiveGroups.Board(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Aborted);
        var snap = live.Snapshot;
        return new JoinState(true, null, snap.ScreenVersion, snap.State.Locked, snap.State.Ended);
    }

    public Task<Ack> Next(Guid sessionId) => TeacherAsync(sessionId, (s, script) => LiveDecider.Next(s, script, Now));
    public Task<Ack> Back(Guid sessionId) => TeacherAsync(sessionId, (s, script) => LiveDecider.Back(s, script, Now));
    public Task<Ack> Reveal(Guid sessionId) => TeacherAsync(sessionId, (s, script) => LiveDecider.Reveal(s, script, Now));
    public Task<Ack> Lock(Guid sessionId, bool locked) => TeacherAsync(sessionId, (s, _) => LiveDecider.Lock(s, locked, Now));
    public Task<Ack> ShowNames(Guid sessionId, bool shown) => TeacherAsync(sessionId, (s, _) => LiveDecider.ShowNames(s, shown, Now));
    public Task<Ack> OpenVote(Guid sessionId) => TeacherAsync(sessionId, (s, script) => LiveDecider.OpenVote(s, script, Now));
    public Task<Ack> CloseVote(Guid sessionId) => TeacherAsync(sessionId, (s, _) => LiveDecider.CloseVote(s, Now));
    public Task<Ack> ChooseBranch(Guid sessionId, string choiceId) => TeacherAsync(sessionId, (s, script) => LiveDecider.ChooseBranch(s, script, choiceId ?? "", Now));

    public async Task<Ack> End(Guid sessionId)
    {
        var (live, problem) = await TeacherSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        return Acked(await lifecycle.EndAsync(live, Aborted));
    }

    async Task<Ack> TeacherAsync(Guid sessionId, Func<LiveSessionState, Script, Decision> decide)
    {
        var (live, problem) = await TeacherSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        return Acked(await live.SendAsync(new LiveCommand(s => decide(s, live.Script)), Aborted));
    }

    static Ack Acked(Decision decision) => decision.Refused ? Ack.Refused(decision.Refusal!) : Ack.Stored;

    // ---- Who may do what -------------------------------------------------------------------

    async Task<(LiveSession?, string?)> PupilSessionAsync(Guid sessionId)
    {
        var user = Context.User!;
        if (!user.IsInRole(Roles.Pupil)) return (null, "Only pupils can do that.");
        var live = await sessions.GetAsync(user.SchoolId(), sessionId, Aborted);
        if (live is null) return (null, "We can't find that live lesson.");
        if (live.State.ClassId != user.ClassId()) return (null, "This live lesson is for another class.");
        return (live, null);
    }

    async Task<(LiveSession?, string?)> TeacherSessionAsync(Guid sessionId)
    {
        var user = Context.User!;
        var live = user.IsInRole(Roles.Pupil) ? null : await sessions.GetAsync(user.SchoolId(), sessionId, Aborted);
        if (live is null || live.State.TeacherId != Me) return (null, "Only the session's teacher can do that.");
        return (live, null);
    }
}
