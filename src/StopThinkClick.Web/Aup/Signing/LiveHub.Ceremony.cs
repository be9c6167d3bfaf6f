using Marten;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Signing;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>The AUP ceremony's hub calls: affirm a promise, ask what it means, sign, and (teacher) witness.</summary>
public sealed partial class LiveHub
{
    public async Task<Ack> Affirm(Guid sessionId, string promiseId)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        if (promiseId is not { Length: <= 8 }) return Ack.Refused("Please try again.");
        var me = Me;
        var (decision, wrote) = await live.SubmitAsync(Keys.For(me, "affirm", sessionId, promiseId),
            s => CeremonyDecider.Affirm(s, live.Script, me, promiseId, Now), events => sessions.WriteAsync(live, events), Aborted);
        if (decision.Refused) return Ack.Refused(decision.Refusal!);
        if (wrote) await notifier.AfterAsync(live, decision.Events);
        return Ack.Stored;
    }

    public async Task<Ack> AskMeaning(Guid sessionId, string promiseId)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        if (promiseId is not { Length: <= 8 }) return Ack.Refused("Please try again.");
        var me = Me;
        var (decision, wrote) = await live.SubmitAsync(Keys.For(me, "meaning", sessionId, promiseId),
            s => CeremonyDecider.AskMeaning(s, live.Script, me, promiseId, Now), events => sessions.WriteAsync(live, events), Aborted);
        if (decision.Refused) return Ack.Refused(decision.Refusal!);
        if (wrote) await notifier.AfterAsync(live, decision.Events);
        return Ack.Stored;
    }

    /// <summary>The pupil signs for themselves only: the signature is stored with the pupil signed in on this device.</summary>
    public async Task<Ack> Sign(Guid sessionId, Guid signatureId, string? typedName, string? drawnPath)
    {
        var (live, problem) = await PupilSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        var me = Me;
        var first = live.FirstNameOf(me);
        if (signatureId == Guid.Empty || SignatureCheck.Problem(first, typedName, drawnPath) is { } bad)
            return Ack.Refused(signatureId == Guid.Empty ? "Please try again." : SignatureCheck.Problem(first, typedName, drawnPath)!);
        var (decision, wrote) = await live.SubmitAsync(Keys.For(me, "sign", sessionId),
            s => CeremonyDecider.Sign(s, live.Script, me, signatureId, Now), async events =>
            {
                await using var session = store.LightweightSession(live.SchoolId);
                session.Events.Append(sessionId, events.ToArray());
                session.Store(new Signature(signatureId, me, string.IsNullOrWhiteSpace(typedName) ? null : typedName.Trim(),
                    string.IsNullOrWhiteSpace(drawnPath) ? null : drawnPath, Now));
                await session.SaveChangesAsync(Aborted);
            }, Aborted);
        if (decision.Refused) return Ack.Refused(decision.Refusal!);
        if (wrote) await notifier.AfterAsync(live, decision.Events);
        return Ack.Stored;
    }

    /// <summary>The teacher witnesses every signature not yet witnessed; each pupil's record goes on their own stream.</summary>
    public async Task<Ack> Witness(Guid sessionId)
    {
        var (live, problem) = await TeacherSessionAsync(sessionId);
        if (live is null) return Ack.Refused(problem!);
        var decision = await live.CommandAsync(s => CeremonyDecider.Witness(s, Me, Now), async events =>
        {
            var witnessed = (SignaturesWitnessed)events[0];
            await using var session = store.LightweightSession(live.SchoolId);
            session.Events.Append(sessionId, witnessed);
            foreach (var record in CeremonyDecider.Records(live.State, live.Script, witnessed))
                session.Events.Append(record.PupilId, record);
            await session.SaveChangesAsync(Aborted);
        }, Aborted);
        if (decision.Refused) return Ack.Refused(decision.Refusal!);
        await notifier.AfterAsync(live, decision.Events);
        return Ack.Stored;
    }
}
