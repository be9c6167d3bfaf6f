using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// The <c>name: value</c> lines between the two <c>---</c> lines at the top of a content file,
/// read with YamlDotNet so that lists and nested entries work, and every value keeps its line.
/// </summary>
public sealed class FrontMatter
{
    readonly Dictionary<string, (YamlNode Value, int Line)> entries;
    readonly HashSet<string> read = new(StringComparer.Ordinal);

    FrontMatter(Dictionary<string, (YamlNode, int)> entries, int endLine)
    {
        this.entries = entries;
        EndLine = endLine;
    }

    /// <summary>The line of the closing <c>---</c>; the body starts after it.</summary>
    public int EndLine { get; }

    public static FrontMatter? Read(IReadOnlyList<SourceLine> lines, Problems problems)
    {
        if (lines.Count == 0 || lines[0].Trimmed != "---")
        {
            problems.Add(1, "the file does not start with front matter",
                "put a line '---', then 'kind:', 'title:' and 'band:' lines, then another '---' at the very top");
            return null;
        }
        var close = lines.Skip(1).Select(l => (SourceLine?)l).FirstOrDefault(l => l!.Value.Trimmed == "---");
        if (close is null)
        {
            problems.Add(1, "the front matter is never closed", "add a line '---' after the last 'name: value' line");
            return null;
        }
        var yamlText = string.Join('\n', lines.Skip(1).TakeWhile(l => l.Number < close.Value.Number).Select(l => l.Text));
        var entries = new Dictionary<string, (YamlNode, int)>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yamlText));
            if (stream.Documents.Count > 0)
            {
                if (stream.Documents[0].RootNode is not YamlMappingNode root)
                {
                    problems.Add(2, "the front matter is not a list of 'name: value' lines", "write each setting as 'name: value' on its own line");
                    return new FrontMatter(entries, close.Value.Number);
                }
                foreach (var (key, value) in root.Children)
                {
                    var name = (key as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
                    var line = (int)key.Start.Line + 1;
                    if (!entries.TryAdd(name, (value, line)))
                        problems.Add(line, $"'{name}:' is given twice", "keep one of the two lines");
                }
            }
        }
        catch (YamlException e)
        {
            problems.Add((int)e.Start.Line + 1, "the front matter cannot be read: " + Simplify(e),
                "check this line is 'name: value', lists are written [a, b] or as '  - item' lines, and text with a colon is in quotes");
        }
        return new FrontMatter(entries, close.Value.Number);
    }

    public int LineOf(string key) => entries.TryGetValue(key, out var e) ? e.Line : 2;

    public bool Has(string key) => entries.ContainsKey(key);

    public string? Text(string key)
    {
        read.Add(key);
        return entries.TryGetValue(key, out var e) && e.Value is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;
    }

    /// <summary>A list value; a single value counts as a list of one (<c>band: Y3</c> or <c>band: [Y3, Y4]</c>).</summary>
    public IReadOnlyList<string> List(string key)
    {
        read.Add(key);
        if (!entries.TryGetValue(key, out var e)) return [];
        return e.Value switch
        {
            YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value.Trim()],
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(c => c.Value?.Trim() ?? "").Where(v => v.Length > 0).ToList(),
            _ => [],
        };
    }

    /// <summary>A list of small 'name: value' groups (a scenario's characters), each with its line.</summary>
    public IReadOnlyList<(int Line, IReadOnlyDictionary<string, string> Fields)> Groups(string key)
    {
        read.Add(key);
        if (!entries.TryGetValue(key, out var e) || e.Value is not YamlSequenceNode seq) return [];
        return seq.Children.Select(child => ((int)child.Start.Line + 1, (IReadOnlyDictionary<string, string>)(child is YamlMappingNode m
                ? m.Children.Where(kv => kv.Key is YamlScalarNode && kv.Value is YamlScalarNode)
                    .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!.Trim().ToLowerInvariant(), kv => ((YamlScalarNode)kv.Value).Value?.Trim() ?? "")
                : new Dictionary<string, string>())))
            .ToList();
    }

    /// <summary>Names nobody asked for: almost always a typo (<c>strand:</c> for <c>strands:</c>).</summary>
    public IEnumerable<(string Name, int Line)> Unread() =>
        entries.Where(e => !read.Contains(e.Key)).Select(e => (e.Key, e.Value.Line));

    static string Simplify(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        return (paren >= 0 ? message[(paren + 3)..] : message).TrimEnd('.').ToLowerInvariant();
    }
}
