namespace StopThinkClick.Web.Aup;

// ---- On the live session's stream, during the ceremony ------------------------------------

/// <summary>A pupil's "I promise" to one promise, on their own tablet.</summary>
public sealed record PromiseAffirmed(Guid SessionId, Guid PupilId, string PromiseId, DateTimeOffset At);

/// <summary>The pupil signed (the drawing or typed name is in a <see cref="Signature"/> document).</summary>
public sealed record PupilSigned(Guid SessionId, Guid PupilId, Guid SignatureId, DateTimeOffset At);

/// <summary>The teacher saw these pupils sign.</summary>
public sealed record SignaturesWitnessed(Guid SessionId, Guid WitnessId, IReadOnlyList<Guid> PupilIds, DateTimeOffset At);

// ---- On the pupil's stream: the record the school relies on ---------------------------------

/// <summary>
/// The pupil's signed AUP: which text (id and version hash), every promise affirmed, the
/// signature, who witnessed it and when.
/// </summary>
public sealed record AupSigned(Guid PupilId, string AupId, string Version, IReadOnlyList<string> PromiseIds, Guid SignatureId, Guid WitnessId, Guid? SessionId, DateTimeOffset At);

/// <summary>A parent co-signed their child's AUP (at key stage 1 they may sign on the child's behalf).</summary>
public sealed record AupCoSigned(Guid PupilId, Guid ParentId, string AupId, string Version, bool OnChildsBehalf, DateTimeOffset At);

/// <summary>A parent signed the parents' agreement, for this child.</summary>
public sealed record ParentAgreementSigned(Guid PupilId, Guid ParentId, string AupId, string Version, DateTimeOffset At);

/// <summary>A parent gave a photo or video permission. Withdrawing it later is its own event: the history is kept.</summary>
public sealed record ConsentGiven(Guid PupilId, Guid ParentId, string Permission, DateTimeOffset At);

public sealed record ConsentWithdrawn(Guid PupilId, Guid ParentId, string Permission, DateTimeOffset At);

/// <summary>A pupil's signature: their typed name, or a drawing as an SVG path. Deletable with the pupil's data.</summary>
public sealed record Signature(Guid Id, Guid PupilId, string? TypedName, string? DrawnPath, DateTimeOffset At)
{
    public const int MaxPath = 20_000;
}
