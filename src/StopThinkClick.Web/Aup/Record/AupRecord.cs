using JasperFx;

namespace StopThinkClick.Web.Aup.Record;

/// <summary>
/// One child's AUP record, the thing the school relies on when it says a child and their parents
/// agreed: the child's witnessed signatures, their parents' co-signatures and agreements, and every
/// photo or video permission with its history. Kept inline from the child's own stream, apart from
/// their learning progress, so the AUP pages and the parent's decisions read only this.
/// </summary>
public sealed class AupRecord : IRevisioned
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public List<AupSignature> Signatures { get; set; } = [];
    public List<AupCoSignature> CoSignatures { get; set; } = [];
    public List<AupCoSignature> ParentAgreements { get; set; } = [];
    public Dictionary<string, ConsentRecord> Consents { get; set; } = [];
}

public sealed record AupSignature(string AupId, string Version, IReadOnlyList<string> PromiseIds, Guid SignatureId, Guid WitnessId, DateTimeOffset At);

public sealed record AupCoSignature(string AupId, string Version, Guid ParentId, bool OnChildsBehalf, DateTimeOffset At);

/// <summary>A photo or video permission as it stands now, with every change kept.</summary>
public sealed class ConsentRecord
{
    public bool Given { get; set; }
    public Guid By { get; set; }
    public DateTimeOffset At { get; set; }
    public List<ConsentChange> History { get; set; } = [];
}

public sealed record ConsentChange(bool Given, Guid By, DateTimeOffset At);
