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
    [InlineData(Band.EYFS, 2)]
    [InlineData(Band.Y2, 3)]
    [InlineData(Band.Y6, 4)]
    public void Younger_children_tap_fewer_pictures(Band band, int length) => PicturePin.LengthFor(band).ShouldBe(length);

    [Fact]
    public void Class_codes_avoid_letters_that_are_easy_to_misread()
    {
        var random = new Random(1);
        var codes = Enumerable.Range(0, 500).Select(_ => ClassCodes.New(random)).ToList();
        codes.ShouldAllBe(c => c.Length == 7 && c[3] == '-');
        string.Concat(codes).ShouldNotContain("O");
        string.Concat(codes).ShouldNotContain("I");
        ClassCodes.Normalise(" abc-123 ").ShouldBe("ABC-123");
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
