namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// A part of a content file's body: a <c>## Label: value</c> heading and the lines under it,
/// up to the next <c>## </c> heading.
/// </summary>
public sealed record Section(SourceLine Heading, string Label, string Value, IReadOnlyList<SourceLine> Lines)
{
    public bool Is(string label) => string.Equals(Label, label, StringComparison.OrdinalIgnoreCase);

    public static (IReadOnlyList<SourceLine> Preamble, IReadOnlyList<Section> Sections) Split(IReadOnlyList<SourceLine> body, Problems problems)
    {
        var preamble = new List<SourceLine>();
        var sections = new List<Section>();
        SourceLine? heading = null;
        var lines = new List<SourceLine>();

        foreach (var line in body)
        {
            if (line.Text.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                heading = line;
                lines = [];
            }
            else if (line.Text.StartsWith("# ", StringComparison.Ordinal) || line.Text.StartsWith("### ", StringComparison.Ordinal))
            {
                problems.Add(line.Number, "only '## ' headings cut a file into parts",
                    "use '## ' for a part (a step, question, scene …); put the title in the front matter's 'title:'");
            }
            else if (heading is null) preamble.Add(line);
            else lines.Add(line);
        }
        Close();
        return (preamble, sections);

        void Close()
        {
            if (heading is not { } h) return;
            var text = h.Text[3..].Trim();
            var colon = text.IndexOf(':');
            var (label, value) = colon < 0 ? (text, "") : (text[..colon].Trim(), text[(colon + 1)..].Trim());
            sections.Add(new Section(h, label, value, lines));
        }
    }
}
