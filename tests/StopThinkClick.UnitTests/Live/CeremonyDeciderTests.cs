using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Aup.Signing;
using StopThinkClick.Web.Live.Sessions;
using static StopThinkClick.UnitTests.World;

namespace StopThinkClick.UnitTests.Live;

/// <summary>The promise ceremony: every child affirms each promise, signs only when all are affirmed, and the teacher witnesses.</summary>
public sealed class CeremonyDeciderTests
{
    static readonly Guid S = Guid.Parse("5e550000-0000-0000-0000-000000000002");
    static readonly Guid Teacher = Guid.Parse("7eac0000-0000-0000-0000-000000000002");
    static readonly Script Ceremony = Script.For(LiveKind.Ceremony, "pupils-test", Catalogue)!;
    static readonly Guid Signature = Guid.Parse("5195a000-0000-0000-0000-000000000001");

    static readonly object[] AtPromiseOne =
        [new LiveSessionStarted(S, Guid.Empty, Teacher, LiveKind.Ceremony, "pupils-test", "123456", [Pupil, Other], Now), new PupilJoined(S, Pupil, Now), new SlideShown(S, 1, null, Now)];
    static readonly object[] BothPromised =
        [.. AtPromiseOne, new PromiseAffirmed(S, Pupil, "p1", Now), new SlideShown(S, 2, null, Now), new PromiseAffirmed(S, Pupil, "p2", Now), new SlideShown(S, 3, null, Now)];

    static LiveSessionState Given(params object[] events) => LiveSessionState.From(events);

    [Fact]
    public void Affirming_a_promise()
    {
        CeremonyDecider.Affirm(Given(AtPromiseOne), Ceremony, Pupil, "p1", Now).ShouldEmit(new PromiseAffirmed(S, Pupil, "p1", Now));
        CeremonyDecider.Affirm(Given([.. AtPromiseOne, new PromiseAffirmed(S, Pupil, "p1", Now)]), Ceremony, Pupil, "p1", Now).ShouldBeNothing();
        CeremonyDecider.Affirm(Given(AtPromiseOne), Ceremony, Pupil, "p2", Now).ShouldRefuse("That promise is not on the board now.");
        CeremonyDecider.Affirm(Given(AtPromiseOne), Ceremony, Other, "p1", Now).ShouldRefuse("Join the ceremony first.");
        CeremonyDecider.Affirm(Given([.. AtPromiseOne, new LiveSessionEnded(S, Now)]), Ceremony, Pupil, "p1", Now).ShouldRefuse("The ceremony has finished.");
        var quiz = new LiveSessionStarted(S, Guid.Empty, Teacher, LiveKind.Quiz, "y3-passwords-quiz", "123456", [Pupil], Now);
        CeremonyDecider.Affirm(Given(quiz, new PupilJoined(S, Pupil, Now)), Ceremony, Pupil, "p1", Now).ShouldRefuse("This is not a promise ceremony.");
    }

    [Fact]
    public void Asking_what_a_promise_means()
    {
        CeremonyDecider.AskMeaning(Given(AtPromiseOne), Ceremony, Pupil, "p2", Now).ShouldEmit(new MeaningAsked(S, Pupil, "p2", Now));
        CeremonyDecider.AskMeaning(Given([.. AtPromiseOne, new MeaningAsked(S, Pupil, "p2", Now)]), Ceremony, Pupil, "p2", Now).ShouldBeNothing();
        CeremonyDecider.AskMeaning(Given(AtPromiseOne), Ceremony, Pupil, "p9", Now).ShouldRefuse("That promise is not in this agreement.");
        CeremonyDecider.AskMeaning(Given(AtPromiseOne), Ceremony, Other, "p1", Now).ShouldRefuse("Join the ceremony first.");
    }

    [Fact]
    public void Signing_only_when_every_promise_is_made()
    {
        CeremonyDecider.Sign(Given(BothPromised), Ceremony, Pupil, Signature, Now).ShouldEmit(new PupilSigned(S, Pupil, Signature, Now));
        CeremonyDecider.Sign(Given([.. BothPromised, new PupilSigned(S, Pupil, Signature, Now)]), Ceremony, Pupil, Guid.NewGuid(), Now).ShouldBeNothing();
        CeremonyDecider.Sign(Given(AtPromiseOne), Ceremony, Pupil, Signature, Now).ShouldRefuse("It is not time to sign yet.");
        var skippedTwo = Given([.. AtPromiseOne, new PromiseAffirmed(S, Pupil, "p1", Now), new SlideShown(S, 3, null, Now)]);
        CeremonyDecider.Sign(skippedTwo, Ceremony, Pupil, Signature, Now)
            .ShouldRefuse("You have not said \"I promise\" to promise 2 yet. Ask your teacher to go back to it.");
        CeremonyDecider.Sign(Given([.. BothPromised, new LiveSessionEnded(S, Now)]), Ceremony, Pupil, Signature, Now).ShouldRefuse("The ceremony has finished.");
    }

    [Fact]
    public void Witnessing_and_the_record_each_pupil_keeps()
    {
        var signed = Given([.. BothPromised, new PupilSigned(S, Pupil, Signature, Now)]);
        var witnessed = new SignaturesWitnessed(S, Teacher, [Pupil], Now);
        CeremonyDecider.Witness(signed, Teacher, Now).ShouldEmit(witnessed);
        CeremonyDecider.Witness(Given([.. BothPromised, new PupilSigned(S, Pupil, Signature, Now), witnessed]), Teacher, Now)
            .ShouldRefuse("Nobody is waiting for you to witness their signature.");
        CeremonyDecider.Witness(Given(BothPromised), Teacher, Now).ShouldRefuse("Nobody is waiting for you to witness their signature.");
        CeremonyDecider.Witness(Given([.. BothPromised, new PupilSigned(S, Pupil, Signature, Now), new LiveSessionEnded(S, Now)]), Teacher, Now)
            .ShouldRefuse("The ceremony has ended.");

        var record = CeremonyDecider.Records(signed, Ceremony, witnessed).ShouldHaveSingleItem();
        StopThinkClick.Web.Platform.Events.Decision.Of(record)
            .ShouldEmit(new AupSigned(Pupil, "pupils-test", Promises.Version, ["p1", "p2"], Signature, Teacher, S, Now));
    }
}
