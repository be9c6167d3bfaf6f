using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;
using StopThinkClick.UnitTests.Curriculum;

namespace StopThinkClick.UnitTests.Aup;

/// <summary>
/// An AUP's version is a hash of what was signed. A pupils' text: any change of its words makes a
/// new version (so a signature of the old words is out of date). A parents' agreement: its words
/// and promises, not its permissions, which parents answer one by one.
/// </summary>
public sealed class AupVersionTests
{
    const string Parents = """
        ---
        kind: aup
        title: Parents' agreement
        audience: parents
        band: [Y1, Y2, Y3]
        ---
        Please read your child's promises with them.

        ## Promise: I will talk to the school if I am worried.
        Meaning: The office or the class teacher.

        ## Permission: photos-in-school
        May we take photos of your child for displays in school?
        """;

    static AupText Read(string text) => (AupText)ContentReader.Read("content/aup/test.md", text, Samples.Pictures).Item!;

    [Fact]
    public void Any_change_to_the_words_of_a_pupils_text_makes_a_new_version_but_line_endings_do_not()
    {
        var version = Read(World.Aup).Version;
        Read(World.Aup.Replace("\n", "\r\n")).Version.ShouldBe(version);
        Read(World.Aup.Replace("Only my grown-ups may know it.", "Only my grown-ups may know it.   ")).Version.ShouldBe(version);
        Read(World.Aup.Replace("Only my grown-ups", "Just my grown-ups")).Version.ShouldNotBe(version);
        Read(World.Aup.Replace("band: [Y3, Y4]", "band: [Y3]")).Version.ShouldNotBe(version);
    }

    [Fact]
    public void Adding_or_rewording_a_permission_keeps_the_parents_agreement_signed()
    {
        var version = Read(Parents).Version;
        var withWork = Parents + "\n\n## Permission: work-on-website\nMay we show your child's work, with their first name, on the school website?\n";
        var aup = Read(withWork);
        aup.Permissions.Select(p => p.Id).ShouldBe(["photos-in-school", "work-on-website"]);
        aup.Version.ShouldBe(version);
        Read(Parents.Replace("for displays in school?", "for classroom displays?")).Version.ShouldBe(version);
        var between = Parents.Replace("## Permission: photos-in-school", "## Permission: video\nMay we film?\n\n## Permission: photos-in-school");
        Read(between).Version.ShouldBe(version);
    }

    [Fact]
    public void A_changed_promise_or_introduction_puts_the_parents_agreement_out_of_date()
    {
        var version = Read(Parents).Version;
        Read(Parents.Replace("The office or the class teacher.", "The class teacher or the safeguarding lead.")).Version.ShouldNotBe(version);
        Read(Parents.Replace("Please read your child's promises", "Please read and talk about your child's promises")).Version.ShouldNotBe(version);
    }
}
