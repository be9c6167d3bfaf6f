using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Rendering;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// The body of a file for parents made of fixed '## ' parts in a fixed order (a year group's home
/// guide, an app guide): every part once, in order, none empty.
/// </summary>
public static class FixedParts
{
    public static IReadOnlyList<GuideSection> Read(FileContext file, IReadOnlyList<string> headings, string what)
    {
        var p = file.Problems;
        var (preamble, sections) = Section.Split(file.Body, p);
        file.RequireNoPreamble(preamble);
        var order = string.Join("; ", headings);
        var read = new List<GuideSection>();
        foreach (var section in sections)
        {
            var heading = section.Heading.Text[3..].Trim();
            var expected = headings.FirstOrDefault(h => h.Equals(heading, StringComparison.OrdinalIgnoreCase));
            if (expected is null)
            {
                p.Add(section.Heading.Number, $"'## {heading}' is not one of {what}'s parts", "use these headings, in order: " + order);
                continue;
            }
            if (read.Any(r => r.Heading == expected))
            {
                p.Add(section.Heading.Number, $"'## {expected}' is here twice", "join the two parts into one");
                continue;
            }
            var position = headings.ToList().IndexOf(expected);
            if (read.Count > 0 && headings.ToList().IndexOf(read[^1].Heading) > position)
                p.Add(section.Heading.Number, $"'## {expected}' is out of order", "put the parts in this order: " + order);
            var text = SafeMarkdown.Render(section.Lines, p);
            if (text.IsEmpty)
                p.Add(section.Heading.Number, $"'## {expected}' is empty", "write the guidance for parents under the heading");
            read.Add(new GuideSection(expected, text));
        }
        foreach (var missing in headings.Where(h => read.All(r => r.Heading != h)))
            p.Add(file.Front.EndLine, $"{what} has no '## {missing}' part", $"add it: {what} has these parts in order: " + order);
        return headings.Select(h => read.FirstOrDefault(r => r.Heading == h)).OfType<GuideSection>().ToList();
    }
}
