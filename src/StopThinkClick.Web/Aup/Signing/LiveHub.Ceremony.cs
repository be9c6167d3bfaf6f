using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Signing;
using StopThinkClick.Web.Live.Sessions;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>The AUP ceremony's hub calls: affirm a promise, ask what it means, sign, and (teacher) witness — all through the session's one command path.</summary>
public sealed partial class LiveHub
{
    public async Task<Ack> Affirm(Guid sessionId, string promiseId)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        if (promiseId is not { Length: <= 8 }) return Ack.Refused("Please try again.");
        var me = Me;
        return Acked(await live.SendAsync(new LiveCommand(s => CeremonyDecider.Affirm(s, live.Script, me, promiseId, Now)), Aborted));
    }

    public async Task<Ack> AskMeaning(Guid sessionId, string promiseId)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        if (promiseId is not { Length: <= 8 }) return Ack.Refused("Please try again.");
        var me = Me;
        return Acked(await live.SendAsync(new LiveCommand(s => CeremonyDecider.AskMeaning(s, live.Script, me, promiseId, Now)), Aborted));
    }

    /// <summary>The pupil signs for themselves only: the signature is stored with the pupil signed in on this device, in the same transaction as the event.</summary>
    public async Task<Ack> Sign(Guid sessionId, Guid signatureId, string? typedName, string? drawnPath)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        var me = Me;
        if (signatureId == Guid.Empty) return Ack.Refused("Please try again.");
        if (SignatureCheck.Problem(live.FirstNameOf(me), typedName, drawnPath) is { } bad) return Ack.Refused(bad);
        var at = Now;
        var signature = new Signature(signatureId, me, string.IsNullOrWhiteSpace(typedName) ? null : typedName.Trim(),
            string.IsNullOrWhiteSpace(drawnPath) ? null : drawnPath, at);
        return Acked(await live.SendAsync(new LiveCommand(s => CeremonyDecider.Sign(s, live.Script, me, signatureId, at), (session, _, _, _) =>
        {
            session.Store(signature);
            return Task.CompletedTask;
        }), Aborted));
    }

    /// <summary>The teacher witnesses every signature not yet witnessed; each pupil's record goes on their own stream, in the same transaction.</summary>
    public async Task<Ack> Witness(Guid sessionId)
    {
        var (live, problem) = await TeacherSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        var me = Me;
        return Acked(await live.SendAsync(new LiveCommand(s => CeremonyDecider.Witness(s, me, Now), (session, after, events, _) =>
        {
            foreach (var record in CeremonyDecider.Records(after, live.Script, (SignaturesWitnessed)events[0]))
                session.Events.Append(record.PupilId, record);
            return Task.CompletedTask;
        }), Aborted));
    }
}
