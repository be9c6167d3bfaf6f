using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// The inside of one part, cut into what the readers need: leading <c>name: value</c> settings,
/// a picture line, the list items that are options or choices (each with its indented
/// <c>Feedback:</c> and <c>Think:</c> lines), and the remaining Markdown text.
/// </summary>
public sealed partial class Body
{
    public Dictionary<string, (string Value, int Line)> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<(string Name, string Alt, int Line)> Pictures { get; } = [];
    public List<Item> Items { get; } = [];
    public List<SourceLine> Text { get; } = [];

    public sealed class Item(SourceLine line, string mark, string text)
    {
        public SourceLine Line { get; } = line;
        public string Mark { get; } = mark;
        public string Text { get; set; } = text;
        public Dictionary<string, (string Value, int Line)> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The option's own picture lines (<c>![alt](name)</c> indented under it, or at the start of its line).</summary>
        public List<(string Name, string Alt, int Line)> Pictures { get; } = [];
    }

    /// <param name="settingNames">the <c>name:</c> lines allowed straight under the heading</param>
    /// <param name="itemsStartWith">how an option or choice line starts (<c>"- "</c> in a question,
    /// <c>"- ["</c> in a scene), or null when the part has none</param>
    public static Body Parse(Section section, Problems problems, IReadOnlyCollection<string> settingNames, string? itemsStartWith)
    {
        var body = new Body();
        var lines = section.Lines;
        var i = 0;
        while (i < lines.Count && lines[i].IsBlank) i++;
        for (; i < lines.Count; i++)
        {
            var setting = SettingLine().Match(lines[i].Text);
            if (!setting.Success || !settingNames.Contains(setting.Groups[1].Value.Trim(), StringComparer.OrdinalIgnoreCase)) break;
            body.Settings[setting.Groups[1].Value.Trim()] = (setting.Groups[2].Value.Trim(), lines[i].Number);
        }

        Item? item = null;
        string? field = null;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (itemsStartWith is not null && line.Text.StartsWith(itemsStartWith, StringComparison.Ordinal))
            {
                var marked = ItemLine().Match(line.Text);
                item = marked.Success
                    ? new Item(line, marked.Groups[1].Value.Trim().ToLowerInvariant(), marked.Groups[2].Value.Trim())
                    : new Item(line, "", line.Text[2..].Trim());
                var leading = LeadingPicture().Match(item.Text);
                if (leading.Success)
                {
                    item.Pictures.Add((leading.Groups[2].Value.Trim(), leading.Groups[1].Value.Trim(), line.Number));
                    item.Text = item.Text[leading.Length..].Trim();
                }
                body.Items.Add(item);
                field = null;
            }
            else if (item is not null)
            {
                if (line.IsBlank) continue;
                if (!line.IsIndented)
                {
                    problems.Add(line.Number, "there is text after the options or choices",
                        "move it above the first '- ' line, or indent it by two spaces if it belongs to the line above");
                    continue;
                }
                var f = FieldLine().Match(line.Text);
                var ownPicture = PictureLine().Match(line.Text);
                if (ownPicture.Success)
                    item.Pictures.Add((ownPicture.Groups[2].Value.Trim(), ownPicture.Groups[1].Value.Trim(), line.Number));
                else if (f.Success)
                {
                    field = f.Groups[1].Value;
                    if (!item.Fields.TryAdd(field, (f.Groups[2].Value.Trim(), line.Number)))
                        problems.Add(line.Number, $"this option has two '{field}:' lines", "join them into one");
                }
                else if (field is not null)
                    item.Fields[field] = ((item.Fields[field].Value + " " + line.Trimmed).Trim(), item.Fields[field].Line);
                else
                    item.Text = (item.Text + " " + line.Trimmed).Trim();
            }
            else
            {
                var picture = PictureLine().Match(line.Text);
                if (picture.Success)
                    body.Pictures.Add((picture.Groups[2].Value.Trim(), picture.Groups[1].Value.Trim(), line.Number));
                else
                    body.Text.Add(line);
            }
        }
        return body;
    }

    /// <summary>Checks the picture lines and returns the part's picture, if any.</summary>
    public Picture? Picture(Problems problems, IReadOnlySet<string> known)
    {
        foreach (var extra in Pictures.Skip(1))
            problems.Add(extra.Line, "a part can have only one picture", "keep one picture line here, or split the part in two");
        if (Pictures.Count == 0) return null;
        var (name, alt, line) = Pictures[0];
        return CheckedPicture(name, alt, line, problems, known);
    }

    public static Picture? CheckedPicture(string name, string alt, int line, Problems problems, IReadOnlySet<string> known)
    {
        var bare = name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        if (!known.Contains(bare))
        {
            problems.Add(line, $"there is no picture called '{name}'",
                $"use a file name from content/pictures/ without '.svg'{Suggest(bare, known)}");
            return null;
        }
        if (string.IsNullOrWhiteSpace(alt))
        {
            problems.Add(line, "the picture has no words for screen readers",
                $"say what it shows between the square brackets: ![a closed padlock]({bare})");
            return null;
        }
        return new Picture(bare, alt);
    }

    static string Suggest(string name, IReadOnlySet<string> known)
    {
        var close = known.Where(k => k.Contains(name, StringComparison.Ordinal) || name.Contains(k, StringComparison.Ordinal)).Take(3).ToList();
        return close.Count > 0 ? " (perhaps " + string.Join(", ", close) + ")" : "";
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z ]*):\s*(.*)$")]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"^- \[([^\]]*)\]\s*(.*)$")]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^\s+(Feedback|Think):\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^\s*!\[([^\]]*)\]\(([^)\s]*)\)\s*$")]
    private static partial Regex PictureLine();

    [GeneratedRegex(@"^!\[([^\]]*)\]\(([^)\s]*)\)")]
    private static partial Regex LeadingPicture();
}
