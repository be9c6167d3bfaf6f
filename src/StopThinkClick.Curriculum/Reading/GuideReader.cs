using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Rendering;

namespace StopThinkClick.Curriculum.Reading;

public static class GuideReader
{
    public static Guide Read(FileContext file)
    {
        var p = file.Problems;
        file.ReadCommon();
        var (preamble, sections) = Section.Split(file.Body, p);
        file.RequireNoPreamble(preamble);

        var read = new List<GuideSection>();
        foreach (var section in sections)
        {
            var heading = section.Heading.Text[3..].Trim();
            var expected = Guide.Headings.FirstOrDefault(h => h.Equals(heading, StringComparison.OrdinalIgnoreCase));
            if (expected is null)
            {
                p.Add(section.Heading.Number, $"'## {heading}' is not one of a guide's parts", "use these headings, in order: " + string.Join("; ", Guide.Headings));
                continue;
            }
            if (read.Any(r => r.Heading == expected))
            {
                p.Add(section.Heading.Number, $"'## {expected}' is here twice", "join the two parts into one");
                continue;
            }
            var position = Guide.Headings.ToList().IndexOf(expected);
            if (read.Count > 0 && Guide.Headings.ToList().IndexOf(read[^1].Heading) > position)
                p.Add(section.Heading.Number, $"'## {expected}' is out of order", "put the parts in this order: " + string.Join("; ", Guide.Headings));
            var text = SafeMarkdown.Render(section.Lines, p);
            if (text.IsEmpty)
                p.Add(section.Heading.Number, $"'## {expected}' is empty", "write the guidance for parents under the heading");
            read.Add(new GuideSection(expected, text));
        }
        foreach (var missing in Guide.Headings.Where(h => read.All(r => r.Heading != h)))
            p.Add(file.Front.EndLine, $"the guide has no '## {missing}' part", "add it: a guide has these parts in order: " + string.Join("; ", Guide.Headings));

        file.ReportUnknownSettings();
        return new Guide(file.Id, file.Title, file.Bands, file.Path, Guide.Headings.Select(h => read.FirstOrDefault(r => r.Heading == h)).OfType<GuideSection>().ToList());
    }
}
