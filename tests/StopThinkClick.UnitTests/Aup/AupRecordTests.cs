using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;
using StopThinkClick.UnitTests.Curriculum;
using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Record;
using StopThinkClick.Web.Aup.Status;
using StopThinkClick.Web.Parents.Children;
using static StopThinkClick.UnitTests.World;

namespace StopThinkClick.UnitTests.Aup;

/// <summary>
/// The AUP record kept from a child's stream, and what a parent's co-signature, agreement and
/// photo/video choices decide on it: given these events, when the parent asks, then these events
/// (or this refusal and nothing stored).
/// </summary>
public sealed class AupRecordTests
{
    const string ParentText = """
        ---
        kind: aup
        title: Parents' agreement
        audience: parents
        band: [Y1, Y2, Y3, Y4]
        ---
        Please read your child's promises with them.

        ## Promise: I will talk to the school if I am worried.
        Meaning: The office or the class teacher.

        ## Permission: photos-in-school
        May we take photos of your child for displays in school?

        ## Permission: video-in-school
        May we video your child for learning in school?
        """;

    static readonly Catalogue WithParents = new(
        new[] { ("content/aup/pupils-test.md", World.Aup), ("content/aup/parents-test.md", ParentText) }
            .Select(f => ContentReader.Read(f.Item1, f.Item2, Samples.Pictures).Item!), Samples.Pictures);

    static readonly Guid Parent = Guid.Parse("00000000-0000-0000-0000-0000000000b0");
    static readonly Guid Witness = Guid.Parse("00000000-0000-0000-0000-0000000000c0");
    static AupText Pupils => WithParents.PupilAupFor(Band.Y3)!;
    static AupText Parents => WithParents.ParentAup!;

    static AupRecord Record(params object[] events)
    {
        var projection = new AupRecordProjection();
        var record = new AupRecord { Id = Pupil };
        foreach (var e in events) ((dynamic)projection).Apply((dynamic)e, record);
        return record;
    }

    static AupStatus Status(AupRecord record, DateTimeOffset? at = null) => AupStatus.For(record, Band.Y3, WithParents, at ?? Now, StopThinkClick.Web.Schools.Settings.SchoolCalendar.England);

    [Fact]
    public void The_record_keeps_signatures_co_signatures_agreements_and_every_change_of_permission()
    {
        var signature = Guid.NewGuid();
        var r = Record(
            new AupSigned(Pupil, Pupils.Id, Pupils.Version, ["p1", "p2"], signature, Witness, Guid.NewGuid(), Now),
            new AupCoSigned(Pupil, Parent, Pupils.Id, Pupils.Version, true, Now),
            new ParentAgreementSigned(Pupil, Parent, Parents.Id, Parents.Version, Now),
            new ConsentGiven(Pupil, Parent, "photos-in-school", Now),
            new ConsentWithdrawn(Pupil, Parent, "photos-in-school", Now.AddDays(1)));

        var signed = r.Signatures.ShouldHaveSingleItem();
        (signed.AupId, signed.Version, signed.SignatureId, signed.WitnessId, signed.At).ShouldBe((Pupils.Id, Pupils.Version, signature, Witness, Now));
        signed.PromiseIds.ShouldBe(["p1", "p2"]);
        r.CoSignatures.ShouldHaveSingleItem().ShouldBe(new AupCoSignature(Pupils.Id, Pupils.Version, Parent, true, Now));
        r.ParentAgreements.ShouldHaveSingleItem().ShouldBe(new AupCoSignature(Parents.Id, Parents.Version, Parent, false, Now));
        var photos = r.Consents["photos-in-school"];
        (photos.Given, photos.By, photos.At).ShouldBe((false, Parent, Now.AddDays(1)));
        photos.History.Select(h => h.Given).ShouldBe([true, false], "withdrawing keeps the history");
    }

    [Fact]
    public void A_status_counts_only_a_signature_of_todays_text_in_this_school_year()
    {
        Status(Record()).Pupil.ShouldBe(SignedState.Never);
        Status(Record(new AupSigned(Pupil, Pupils.Id, Pupils.Version, [], Guid.NewGuid(), Witness, null, Now))).Pupil.Current.ShouldBeTrue();
        Status(Record(new AupSigned(Pupil, Pupils.Id, "old-hash", [], Guid.NewGuid(), Witness, null, Now))).Pupil.Note.ShouldBe("the promises have changed since");
        var lastYear = Now.AddYears(-1);
        Status(Record(new AupSigned(Pupil, Pupils.Id, Pupils.Version, [], Guid.NewGuid(), Witness, null, lastYear))).Pupil.Current.ShouldBeFalse();
    }

    [Fact]
    public void A_signature_of_a_pupils_text_since_renamed_or_split_by_age_is_out_of_date_not_missing()
    {
        // Reception's and Key Stage 1's promises were one text ("pupils-eyfs-ks1") until the texts were split by age.
        var r = Record(
            new AupSigned(Pupil, "pupils-eyfs-ks1", "old-hash", ["p1"], Guid.NewGuid(), Witness, null, Now.AddDays(-3)),
            new AupCoSigned(Pupil, Parent, "pupils-eyfs-ks1", "old-hash", true, Now.AddDays(-2)));
        var status = Status(r);
        status.Pupil.ShouldBe(new SignedState(false, Now.AddDays(-3), "the promises have changed since"));
        status.CoSigned.ShouldBe(new SignedState(false, Now.AddDays(-2), "the promises have changed since"));
        // Signing today's text makes it current again, whatever was signed before.
        Status(Record(new AupSigned(Pupil, "pupils-eyfs-ks1", "old-hash", [], Guid.NewGuid(), Witness, null, Now.AddDays(-3)),
            new AupSigned(Pupil, Pupils.Id, Pupils.Version, [], Guid.NewGuid(), Witness, null, Now))).Pupil.Current.ShouldBeTrue();
    }

    // ---- Co-signing --------------------------------------------------------------------------------

    static ParentAupDecider.CoSign CoSign(string? version = null, bool talked = true, bool onBehalf = true, Band band = Band.Y3) =>
        new(Pupil, Parent, version ?? Pupils.Version, talked, onBehalf, band, Now);

    [Fact]
    public void Co_signing_records_the_parents_signature_for_the_text_they_read()
    {
        ParentAupDecider.Handle(Status(Record()), CoSign(band: Band.Y1))
            .ShouldEmit(new AupCoSigned(Pupil, Parent, Pupils.Id, Pupils.Version, true, Now));
    }

    [Fact]
    public void At_key_stage_2_a_parent_co_signs_but_never_on_the_childs_behalf()
    {
        ParentAupDecider.Handle(Status(Record()), CoSign(band: Band.Y3))
            .ShouldEmit(new AupCoSigned(Pupil, Parent, Pupils.Id, Pupils.Version, false, Now));
    }

    [Fact]
    public void Co_signing_a_text_that_changed_since_the_page_opened_is_refused() =>
        ParentAupDecider.Handle(Status(Record()), CoSign(version: "old-hash"))
            .ShouldRefuse("these promises have changed since you opened the page. Please read them again, then co-sign.");

    [Fact]
    public void Co_signing_without_having_talked_it_through_is_refused() =>
        ParentAupDecider.Handle(Status(Record()), CoSign(talked: false))
            .ShouldRefuse("please talk about the promises with your child first, then tick the box.");

    [Fact]
    public void A_second_press_of_co_sign_stores_nothing_more() =>
        ParentAupDecider.Handle(Status(Record(new AupCoSigned(Pupil, Parent, Pupils.Id, Pupils.Version, true, Now))), CoSign())
            .ShouldBeNothing();

    // ---- The parents' agreement ---------------------------------------------------------------------

    [Fact]
    public void Signing_the_agreement_records_it_and_a_second_press_stores_nothing()
    {
        var agree = new ParentAupDecider.Agree(Pupil, Parent, Parents.Version, Now);
        ParentAupDecider.Handle(Status(Record()), agree).ShouldEmit(new ParentAgreementSigned(Pupil, Parent, Parents.Id, Parents.Version, Now));
        ParentAupDecider.Handle(Status(Record(new ParentAgreementSigned(Pupil, Parent, Parents.Id, Parents.Version, Now))), agree).ShouldBeNothing();
    }

    [Fact]
    public void Signing_an_agreement_that_changed_since_the_page_opened_is_refused() =>
        ParentAupDecider.Handle(Status(Record()), new ParentAupDecider.Agree(Pupil, Parent, "old-hash", Now))
            .ShouldRefuse("the agreement has changed since you opened the page. Please read it again, then sign.");

    // ---- Photo and video permissions ------------------------------------------------------------------

    static ParentAupDecider.ChoosePermissions Choose(params (string Id, bool Given)[] answers) =>
        new(Pupil, Parent, answers.ToDictionary(a => a.Id, a => a.Given), Now);

    [Fact]
    public void Each_answer_that_changes_a_permission_is_recorded_and_one_that_does_not_adds_nothing()
    {
        ParentAupDecider.Handle(Status(Record()), Choose(("photos-in-school", true), ("video-in-school", false)))
            .ShouldEmit(new ConsentGiven(Pupil, Parent, "photos-in-school", Now), new ConsentWithdrawn(Pupil, Parent, "video-in-school", Now));

        var given = Record(new ConsentGiven(Pupil, Parent, "photos-in-school", Now));
        ParentAupDecider.Handle(Status(given), Choose(("photos-in-school", true))).ShouldBeNothing();
        ParentAupDecider.Handle(Status(given), Choose(("photos-in-school", false)))
            .ShouldEmit(new ConsentWithdrawn(Pupil, Parent, "photos-in-school", Now));
    }

    [Fact]
    public void An_answer_to_a_permission_the_school_does_not_ask_is_ignored() =>
        ParentAupDecider.Handle(Status(Record()), Choose(("photos-on-the-moon", true))).ShouldBeNothing();
}
