using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// Pictures on quiz options, so that a Reception child who cannot read yet answers by the
/// picture and hears the words on their own button. True and False get a tick and a cross
/// unless the writer chose other pictures.
/// </summary>
public static class OptionPictures
{
    static readonly (string Word, string Name, string Alt)[] TrueFalse = [("true", "tick", "A tick: true"), ("false", "cross", "A cross: false")];

    public static Picture? Read(FileContext file, Body.Item item, QuestionType type)
    {
        foreach (var extra in item.Pictures.Skip(1))
            file.Problems.Add(extra.Line, "an option can have only one picture", "keep one picture line under this option");
        if (item.Pictures.Count > 0)
        {
            var (name, alt, line) = item.Pictures[0];
            return Body.CheckedPicture(name, alt, line, file.Problems, file.Pictures);
        }
        if (type != QuestionType.TrueFalse) return null;
        var word = item.Text.Trim().ToLowerInvariant();
        return TrueFalse.Where(t => t.Word == word && file.Pictures.Contains(t.Name)).Select(t => new Picture(t.Name, t.Alt)).FirstOrDefault();
    }

    /// <summary>Every option has a picture or none does; in Reception every one must; no two alike in one question.</summary>
    public static void Check(FileContext file, IReadOnlyList<QuestionOption> options, int heading)
    {
        var p = file.Problems;
        var with = options.Count(o => o.Picture is not null);
        if (file.Bands.Contains(Band.EYFS) && with < options.Count)
            p.Add(heading, $"{options.Count - with} of this Reception question's options have no picture",
                "Reception children answer by the pictures: add a picture line under each option, indented by two spaces: '  ![a grandad](grandpa)'");
        else if (with > 0 && with < options.Count)
            p.Add(heading, "some options have a picture and some do not",
                "give every option a picture (indented under it: '  ![a grandad](grandpa)'), or none");
        var twins = options.Where(o => o.Picture is not null).GroupBy(o => o.Picture!.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var twin in twins)
            p.Add(heading, $"two options have the same picture '{twin}'", "give each option its own picture, so a child can tell them apart without reading");
    }
}
