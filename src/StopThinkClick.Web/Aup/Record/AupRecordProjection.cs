using Marten.Events.Aggregation;

namespace StopThinkClick.Web.Aup.Record;

/// <summary>
/// Folds the AUP events on a child's stream into their <see cref="AupRecord"/>. Inline, so the
/// parent's next step and the teacher's table see a signature the moment it commits, on every node.
/// </summary>
public sealed partial class AupRecordProjection : SingleStreamProjection<AupRecord, Guid>
{
    // No Create methods: the first AUP event may come after years of lessons on the stream, or first
    // of all (a parent co-signing before the child has opened a lesson).

    public void Apply(AupSigned e, AupRecord r) =>
        r.Signatures.Add(new AupSignature(e.AupId, e.Version, e.PromiseIds, e.SignatureId, e.WitnessId, e.At));

    public void Apply(AupCoSigned e, AupRecord r) =>
        r.CoSignatures.Add(new AupCoSignature(e.AupId, e.Version, e.ParentId, e.OnChildsBehalf, e.At));

    public void Apply(ParentAgreementSigned e, AupRecord r) =>
        r.ParentAgreements.Add(new AupCoSignature(e.AupId, e.Version, e.ParentId, false, e.At));

    public void Apply(ConsentGiven e, AupRecord r) => Consent(r, e.Permission, true, e.ParentId, e.At);

    public void Apply(ConsentWithdrawn e, AupRecord r) => Consent(r, e.Permission, false, e.ParentId, e.At);

    static void Consent(AupRecord r, string permission, bool given, Guid by, DateTimeOffset at)
    {
        if (!r.Consents.TryGetValue(permission, out var record)) r.Consents[permission] = record = new ConsentRecord();
        (record.Given, record.By, record.At) = (given, by, at);
        record.History.Add(new ConsentChange(given, by, at));
    }
}
