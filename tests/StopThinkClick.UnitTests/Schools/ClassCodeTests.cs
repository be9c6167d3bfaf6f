using StopThinkClick.Web.Schools;

namespace StopThinkClick.UnitTests.Schools;

public sealed class ClassCodeTests
{
    [Theory]
    [InlineData("KTP-482")]
    [InlineData("ktp-482")]
    [InlineData("ktp482")]
    [InlineData("KTP 482")]
    [InlineData(" ktp–482 ")]
    [InlineData("KTP-4B2", false)]
    [InlineData("ktp-48I")]
    public void A_class_code_is_found_however_it_was_typed(string typed, bool found = true)
    {
        var expected = typed.Contains("48I") ? "KTP-481" : "KTP-482";
        (ClassCodes.Normalise(typed) == expected).ShouldBe(found);
    }

    [Fact]
    public void Every_new_code_is_already_in_its_stored_form()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = ClassCodes.New();
            ClassCodes.Normalise(code).ShouldBe(code);
            ClassCodes.Normalise(code.ToLowerInvariant().Replace("-", "")).ShouldBe(code);
        }
    }
}
