using StopThinkClick.Web.Schools.SetUp;

namespace StopThinkClick.UnitTests.Schools;

public sealed class NewSchoolTests
{
    static NewSchool Hollybush => new("Hollybush Primary School", "100001", "Europe/London", "09-01", "https://esafety.hollybush.sch.uk", ["en", "pl"],
        "head@hollybush.sch.uk", "Mrs A Head", "dsl@hollybush.sch.uk", "Mr B Lead");

    [Fact]
    public void A_complete_school_has_no_problems_and_its_id_comes_from_its_URN()
    {
        Hollybush.Problems().ShouldBeEmpty();
        Hollybush.SchoolId.ShouldBe("urn-100001");
        Hollybush.YearStarts.ShouldBe((9, 1));
    }

    [Theory]
    [InlineData("--urn", "12345")]
    [InlineData("--time-zone", "London")]
    [InlineData("--year-starts", "31-09")]
    [InlineData("--address", "https://esafety.hollybush.sch.uk/signin?x=1")]
    [InlineData("--address", "esafety.hollybush.sch.uk")]
    [InlineData("--languages", "pl,en")]
    [InlineData("--admin", "not an address")]
    public void Each_mistake_is_one_line_naming_its_option(string option, string value)
    {
        var school = option switch
        {
            "--urn" => Hollybush with { Urn = value },
            "--time-zone" => Hollybush with { TimeZone = value },
            "--year-starts" => Hollybush with { YearStart = value },
            "--address" => Hollybush with { PublicAddress = value },
            "--languages" => Hollybush with { Languages = value.Split(',') },
            _ => Hollybush with { AdminEmail = value },
        };
        school.Problems().ShouldHaveSingleItem().ShouldStartWith(option + ":");
    }

    [Fact]
    public void The_lead_needs_an_account_apart_from_the_admins() =>
        (Hollybush with { LeadEmail = "HEAD@hollybush.sch.uk" }).Problems().ShouldHaveSingleItem().ShouldContain("account of their own");
}
