using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Schools.Settings;

namespace StopThinkClick.Web.Aup.Status;

/// <summary>Whether something was signed for the current text this school year, or when and why it is out of date.</summary>
public sealed record SignedState(bool Current, DateTimeOffset? At, string? Note)
{
    public static SignedState Never { get; } = new(false, null, null);
}

/// <summary>
/// One child's AUP position for their teacher and parents: their own signature, their parents'
/// co-signature and agreement, and each photo/video permission. A signature counts only for the
/// AUP text as it is now (its version hash) and only in the current school year, by the school's own
/// calendar (<see cref="SchoolCalendar"/>: its first day, in its time zone).
/// </summary>
public sealed record AupStatus(AupText? PupilAup, AupText? ParentAup, SignedState Pupil, AupSignature? Signature, SignedState CoSigned, bool CoSignedOnChildsBehalf,
    SignedState Agreement, IReadOnlyDictionary<string, ConsentRecord> Consents)
{
    public static AupStatus For(AupRecord record, Band band, Catalogue catalogue, DateTimeOffset now, SchoolCalendar calendar)
    {
        var pupilAup = catalogue.PupilAupFor(band);
        var parentAup = catalogue.ParentAup;
        // A signature of another pupils' text (one since renamed or split by age, or the child's
        // previous key stage) is out of date, never "not signed": the record shows when it was signed.
        var signature = pupilAup is null ? null : record.Signatures.LastOrDefault(s => s.AupId == pupilAup.Id) ?? record.Signatures.LastOrDefault();
        var coSign = pupilAup is null ? null : record.CoSignatures.LastOrDefault(s => s.AupId == pupilAup.Id) ?? record.CoSignatures.LastOrDefault();
        var agreement = parentAup is null ? null : record.ParentAgreements.LastOrDefault(s => s.AupId == parentAup.Id);
        return new AupStatus(pupilAup, parentAup,
            State(signature?.AupId, signature?.Version, signature?.At, pupilAup, now, calendar), signature,
            State(coSign?.AupId, coSign?.Version, coSign?.At, pupilAup, now, calendar), coSign?.OnChildsBehalf == true,
            State(agreement?.AupId, agreement?.Version, agreement?.At, parentAup, now, calendar), record.Consents);
    }

    static SignedState State(string? aupId, string? version, DateTimeOffset? at, AupText? aup, DateTimeOffset now, SchoolCalendar calendar)
    {
        if (version is null || at is null || aup is null) return SignedState.Never;
        if (aupId != aup.Id || version != aup.Version) return new SignedState(false, at, "the promises have changed since");
        if (!calendar.IsCurrent(at.Value, now)) return new SignedState(false, at, $"signed in {SchoolCalendar.Name(calendar.YearOf(at.Value))}");
        return new SignedState(true, at, null);
    }

    public bool? Permission(string id) => Consents.TryGetValue(id, out var c) ? c.Given : null;
}
