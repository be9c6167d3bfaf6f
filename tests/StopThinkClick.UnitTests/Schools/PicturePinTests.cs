using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;

namespace StopThinkClick.UnitTests.Schools;

public sealed class PicturePinTests
{
    [Fact]
    public void The_right_pictures_in_the_right_order_verify()
    {
        var pupil = Guid.NewGuid();
        var hash = PicturePin.Hash(pupil, ["cat", "star", "car"]);
        PicturePin.Verify(pupil, ["cat", "star", "car"], hash).ShouldBeTrue();
        PicturePin.Verify(pupil, ["star", "cat", "car"], hash).ShouldBeFalse();
        PicturePin.Verify(Guid.NewGuid(), ["cat", "star", "car"], hash).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Band.EYFS, 3)]
    [InlineData(Band.Y2, 4)]
    [InlineData(Band.Y6, 5)]
    public void Younger_children_tap_fewer_pictures(Band band, int length) => PicturePin.LengthFor(band).ShouldBe(length);

    [Fact]
    public void Class_codes_avoid_letters_that_are_easy_to_misread()
    {
        var random = new Random(1);
        var codes = Enumerable.Range(0, 250).Select(_ => ClassCodes.Seeded(random)).Concat(Enumerable.Range(0, 250).Select(_ => ClassCodes.New())).ToList();
        codes.ShouldAllBe(c => c.Length == 7 && c[3] == '-');
        string.Concat(codes).ShouldNotContain("O");
        string.Concat(codes).ShouldNotContain("I");
        ClassCodes.Normalise(" abc-123 ").ShouldBe("ABC-123");
    }

    [Fact]
    public void New_pins_come_from_the_cryptographic_generator_and_use_every_picture()
    {
        var seen = Enumerable.Range(0, 400).SelectMany(_ => PicturePin.Random(Band.EYFS)).ToHashSet();
        seen.ShouldBe(PicturePin.Pictures, ignoreOrder: true);
        PicturePin.Combinations(Band.EYFS).ShouldBe(1_728);
    }

    [Fact]
    public void Login_card_secrets_are_long_and_only_their_hash_is_kept()
    {
        var secret = LoginCards.NewSecret();
        LoginCards.LooksLikeSecret(secret).ShouldBeTrue();
        LoginCards.EntryId(secret).ShouldNotContain(secret);
        LoginCards.LooksLikeSecret("../../etc/passwd").ShouldBeFalse();
    }
}
