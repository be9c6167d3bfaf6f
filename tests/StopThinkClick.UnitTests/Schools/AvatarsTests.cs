using StopThinkClick.Web.Schools;

namespace StopThinkClick.UnitTests.Schools;

/// <summary>Each child's picture on the name screen (issue 16.6), and names that are alike told apart.</summary>
public sealed class AvatarsTests
{
    static Pupil Grace(string? avatar = null) => new(Guid.NewGuid(), Guid.Empty, "Grace", "W") { Avatar = avatar };

    [Fact]
    public void A_pupil_made_before_avatars_gets_the_same_picture_every_time_and_never_a_PIN_picture()
    {
        var pupil = Grace();
        pupil.AvatarPicture.ShouldBe(pupil.AvatarPicture);
        pupil.AvatarPicture.ShouldBe(Avatars.Derived(pupil.Id));
        Avatars.Pictures.ShouldNotContain(p => PicturePin.Pictures.Contains(p));
        (pupil with { Avatar = "not-a-picture" }).AvatarPicture.ShouldBe(Avatars.Derived(pupil.Id));
    }

    [Fact]
    public void A_new_pupil_gets_a_picture_nobody_in_the_class_has_while_there_are_some_left()
    {
        var classmates = new List<Pupil>();
        for (var i = 0; i < Avatars.Pictures.Count; i++)
        {
            var id = Guid.NewGuid();
            classmates.Add(new Pupil(id, Guid.Empty, "A", "B") { Avatar = Avatars.ForNewPupil(id, classmates) });
        }
        classmates.Select(p => p.AvatarPicture).Distinct().Count().ShouldBe(Avatars.Pictures.Count);
    }

    [Fact]
    public void Two_Grace_Ws_are_told_apart_by_their_pictures_and_by_a_number_when_the_pictures_match_too()
    {
        var penguins = new[] { Grace("penguin"), Grace("penguin") }.OrderBy(p => p.Id).ToList();
        var lion = Grace("lion");
        var buttons = NameButtons.For([penguins[1], lion, penguins[0]]);
        buttons.Select(b => (b.Label, b.Avatar)).Distinct().Count().ShouldBe(3);
        buttons.Single(b => b.Pupil == penguins[0]).Label.ShouldBe("Grace W. (1)");
        buttons.Single(b => b.Pupil == penguins[1]).Label.ShouldBe("Grace W. (2)");
        buttons.Single(b => b.Pupil == lion).Label.ShouldBe("Grace W.");
        buttons.Single(b => b.Pupil == lion).PictureWords.ShouldBe("the lion");
        NameButtons.For([Grace("lion"), new Pupil(Guid.NewGuid(), Guid.Empty, "Amara", "K")]).ShouldAllBe(b => b.PictureWords == null);
    }
}
