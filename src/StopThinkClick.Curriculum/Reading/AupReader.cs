using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Rendering;

namespace StopThinkClick.Curriculum.Reading;

public static partial class AupReader
{
    public static AupText Read(FileContext file)
    {
        var p = file.Problems;
        file.ReadCommon();
        var audienceText = file.Front.Text("audience") ?? "";
        var audience = audienceText.ToLowerInvariant() switch
        {
            "pupils" => AupAudience.Pupils,
            "parents" => AupAudience.Parents,
            _ => (AupAudience?)null,
        };
        if (audience is null)
            p.Add(file.Front.LineOf("audience"), audienceText.Length == 0 ? "the AUP has no audience" : $"'{audienceText}' is not an audience",
                "add 'audience: pupils' or 'audience: parents'");

        var (preamble, sections) = Section.Split(file.Body, p);
        var intro = SafeMarkdown.Render(preamble, p);
        if (audience == AupAudience.Pupils)
            SentenceLength.Check(intro, file.Bands, preamble.FirstOrDefault(l => !l.IsBlank).Number, p);

        var promises = new List<AupPromise>();
        var permissions = new List<AupPermission>();
        foreach (var section in sections)
        {
            if (section.Is("Promise")) promises.Add(ReadPromise(file, section, audience, $"p{promises.Count + 1}"));
            else if (section.Is("Permission") && audience == AupAudience.Parents) permissions.Add(ReadPermission(file, section, permissions));
            else p.Add(section.Heading.Number, $"'## {section.Label}' is not a part of {(audience == AupAudience.Parents ? "a parents'" : "a pupils'")} AUP",
                audience == AupAudience.Parents ? "use '## Promise: …' or '## Permission: id'" : "use '## Promise: …'");
        }
        if (promises.Count == 0)
            p.Add(file.Front.EndLine, "the AUP has no promises", "add '## Promise: I will …' parts");

        file.ReportUnknownSettings();
        return new AupText(file.Id, file.Title, file.Bands, file.Path, audience ?? AupAudience.Pupils, intro, promises, permissions,
            audience == AupAudience.Parents ? VersionOf(WithoutPermissions(file.RawText)) : VersionOf(file.RawText));
    }

    static AupPromise ReadPromise(FileContext file, Section section, AupAudience? audience, string id)
    {
        var p = file.Problems;
        if (section.Value.Length == 0)
            p.Add(section.Heading.Number, "the promise has no words", "write it as '## Promise: I will …'");
        var text = SafeMarkdown.RenderInline(section.Value, section.Heading.Number, p);
        var body = Body.Parse(section, p, [], itemsStartWith: null);
        var picture = body.Picture(p, file.Pictures);
        var meaningLine = body.Text.FirstOrDefault(l => MeaningLine().IsMatch(l.Text));
        var meaning = RichText.Empty;
        if (meaningLine.Number == 0)
            p.Add(section.Heading.Number, "the promise has no meaning", "add a line 'Meaning: …' that the teacher reads when a child asks what it means");
        else meaning = SafeMarkdown.RenderInline(MeaningLine().Match(meaningLine.Text).Groups[1].Value.Trim(), meaningLine.Number, p);
        if (body.Text.Any(l => !l.IsBlank && l.Number != meaningLine.Number))
            p.Add(body.Text.First(l => !l.IsBlank && l.Number != meaningLine.Number).Number, "a promise has only a picture and a 'Meaning:' line",
                "put any other words into the Meaning line, or into the introduction before the first promise");
        if (audience == AupAudience.Pupils)
        {
            if (picture is null)
                p.Add(section.Heading.Number, "a pupils' promise has no picture", "add a picture line '![what it shows](name)' under the heading");
            SentenceLength.Check(text, file.Bands, section.Heading.Number, p);
            SentenceLength.Check(meaning, file.Bands, meaningLine.Number, p);
        }
        return new AupPromise(id, text, picture, meaning);
    }

    static AupPermission ReadPermission(FileContext file, Section section, List<AupPermission> existing)
    {
        var p = file.Problems;
        if (!FileContext.IsId(section.Value))
            p.Add(section.Heading.Number, $"'{section.Value}' is not a permission id", "write '## Permission: photos-on-website' (lowercase words and hyphens)");
        else if (existing.Any(e => e.Id == section.Value))
            p.Add(section.Heading.Number, $"the permission '{section.Value}' is here twice", "give each permission its own id");
        var question = SafeMarkdown.Render(section.Lines, p);
        if (question.IsEmpty)
            p.Add(section.Heading.Number, "the permission has no question", "write the question the parent answers yes or no under the heading");
        return new AupPermission(section.Value, question);
    }

    /// <summary>A version is the hash of the text: any change of words (not of line endings) makes a new one.</summary>
    public static string VersionOf(string rawText)
    {
        var normalised = string.Join('\n', rawText.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..12];
    }

    /// <summary>
    /// A parents' agreement is signed for its words and promises. Each permission (photos, video,
    /// work on the website) is answered yes or no on its own, and kept with its own history, so
    /// adding or rewording one asks every parent that one question without putting their signed
    /// agreement out of date.
    /// </summary>
    public static string WithoutPermissions(string rawText)
    {
        var kept = new List<string>();
        var inPermission = false;
        foreach (var line in rawText.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                inPermission = PermissionHeading().IsMatch(line);
            if (!inPermission) kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"^##\s+Permission\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex PermissionHeading();

    [GeneratedRegex(@"^\s*Meaning:\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex MeaningLine();
}
