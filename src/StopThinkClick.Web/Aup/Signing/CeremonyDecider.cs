using StopThinkClick.Web.Live.Sessions;
using StopThinkClick.Web.Platform.Events;

namespace StopThinkClick.Web.Aup.Signing;

/// <summary>
/// Pure decisions for the AUP ceremony: the class reads each promise together and every child
/// affirms it; a child signs only when every promise is affirmed; the teacher witnesses.
/// </summary>
public static class CeremonyDecider
{
    public static Decision Affirm(LiveSessionState s, Script script, Guid pupil, string promiseId, DateTimeOffset now)
    {
        if (Refusal(s, pupil) is { } no) return no;
        if (script[s.Slide].PromiseId != promiseId) return Decision.Refuse("That promise is not on the board now.");
        return s.Affirmations.GetValueOrDefault(pupil)?.Contains(promiseId) == true
            ? Decision.Nothing
            : Decision.Of(new PromiseAffirmed(s.Id, pupil, promiseId, now));
    }

    public static Decision AskMeaning(LiveSessionState s, Script script, Guid pupil, string promiseId, DateTimeOffset now)
    {
        if (Refusal(s, pupil) is { } no) return no;
        if (script.Aup?.Promise(promiseId) is null) return Decision.Refuse("That promise is not in this agreement.");
        return s.Meanings.Any(m => m.PupilId == pupil && m.PromiseId == promiseId)
            ? Decision.Nothing
            : Decision.Of(new StopThinkClick.Web.Live.Sessions.MeaningAsked(s.Id, pupil, promiseId, now));
    }

    public static Decision Sign(LiveSessionState s, Script script, Guid pupil, Guid signatureId, DateTimeOffset now)
    {
        if (Refusal(s, pupil) is { } no) return no;
        if (s.Signatures.ContainsKey(pupil)) return Decision.Nothing;
        if (script[s.Slide].Kind != SlideKind.Sign) return Decision.Refuse("It is not time to sign yet.");
        var promised = s.Affirmations.GetValueOrDefault(pupil) ?? [];
        var missing = script.Aup!.Promises.Select((p, i) => (p, i)).FirstOrDefault(x => !promised.Contains(x.p.Id));
        if (missing.p is not null)
            return Decision.Refuse($"You have not said \"I promise\" to promise {missing.i + 1} yet. Ask your teacher to go back to it.");
        return Decision.Of(new PupilSigned(s.Id, pupil, signatureId, now));
    }

    public static Decision Witness(LiveSessionState s, Guid teacher, DateTimeOffset now)
    {
        if (s.Ended) return Decision.Refuse("The ceremony has ended.");
        var waiting = s.Signatures.Keys.Where(p => !s.Witnessed.Contains(p)).ToList();
        return waiting.Count == 0
            ? Decision.Refuse("Nobody is waiting for you to witness their signature.")
            : Decision.Of(new SignaturesWitnessed(s.Id, teacher, waiting, now));
    }

    /// <summary>The pupil-stream record for each witnessed pupil: this text, every promise, the signature, the witness.</summary>
    public static IEnumerable<AupSigned> Records(LiveSessionState s, Script script, SignaturesWitnessed witnessed) =>
        witnessed.PupilIds.Select(p => new AupSigned(p, script.Aup!.Id, script.Aup.Version,
            script.Aup.Promises.Select(x => x.Id).Where(id => s.Affirmations.GetValueOrDefault(p)?.Contains(id) == true).ToList(),
            s.Signatures[p], witnessed.WitnessId, s.Id, witnessed.At));

    static Decision? Refusal(LiveSessionState s, Guid pupil) =>
        s.Ended ? Decision.Refuse("The ceremony has finished.")
        : s.Kind != LiveKind.Ceremony ? Decision.Refuse("This is not a promise ceremony.")
        : !s.Joined.Contains(pupil) ? Decision.Refuse("Join the ceremony first.")
        : null;
}
