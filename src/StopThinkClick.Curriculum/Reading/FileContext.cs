using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>What every reader needs while it reads one file: its id, front matter, body and problems.</summary>
public sealed partial class FileContext
{
    public required string Id { get; init; }
    public required string Path { get; init; }
    public required FrontMatter Front { get; init; }
    public required IReadOnlyList<SourceLine> Body { get; init; }
    public required string RawText { get; init; }
    public required Problems Problems { get; init; }
    public required IReadOnlySet<string> Pictures { get; init; }

    public string Title { get; private set; } = "";
    public IReadOnlyList<Band> Bands { get; private set; } = [];

    /// <summary>Reads the title and bands, which every kind of file has.</summary>
    public void ReadCommon()
    {
        Front.Text("kind");
        Title = Front.Text("title") ?? "";
        if (Title.Length == 0)
            Problems.Add(Front.LineOf("title"), "the file has no title", "add a line 'title: …' to the front matter");

        var bands = new List<Band>();
        foreach (var text in Front.List("band"))
        {
            if (Model.Bands.TryParse(text, out var band)) bands.Add(band);
            else Problems.Add(Front.LineOf("band"), $"'{text}' is not a band", "use EYFS, Y1, Y2, Y3, Y4, Y5 or Y6 (or a list: [Y1, Y2])");
        }
        if (!Front.Has("band"))
            Problems.Add(2, "the file has no band", "add a line 'band: Y3' (or EYFS, Y1 … Y6, or a list such as [Y1, Y2])");
        Bands = bands.Distinct().Order().ToList();
    }


    public IReadOnlyList<Strand> ReadStrands()
    {
        var strands = new List<Strand>();
        foreach (var text in Front.List("strands"))
        {
            if (Strands.TryParse(text, out var strand)) strands.Add(strand);
            else Problems.Add(Front.LineOf("strands"), $"'{text}' is not a strand",
                "use one or more of: " + string.Join(", ", Strands.Slugs));
        }
        if (!Front.Has("strands"))
            Problems.Add(2, "the file has no strands", "add a line 'strands: [privacy-and-security]' naming its Education for a Connected World strands");
        return strands.Distinct().ToList();
    }

    public IReadOnlyList<Risk> ReadRisks()
    {
        var risks = new List<Risk>();
        foreach (var text in Front.List("risks"))
        {
            if (Risks.TryParse(text, out var risk)) risks.Add(risk);
            else Problems.Add(Front.LineOf("risks"), $"'{text}' is not a risk", "use one or more of: content, contact, conduct, commerce");
        }
        if (!Front.Has("risks"))
            Problems.Add(2, "the file has no risks", "add a line 'risks: [contact]' naming which of the four Cs it addresses");
        return risks.Distinct().ToList();
    }

    public Picture? ReadPicture(string key)
    {
        var name = Front.Text(key);
        return name is null ? null : Reading.Body.CheckedPicture(name, Title, Front.LineOf(key), Problems, Pictures);
    }

    /// <summary>
    /// The app guides named in <c>apps:</c> (ids of files under <c>content/guides/apps/</c>). Whether
    /// each exists is known only once the whole folder is read, so they are kept as links to check then.
    /// </summary>
    public IReadOnlyList<string> ReadApps()
    {
        var apps = new List<string>();
        var line = Front.LineOf("apps");
        foreach (var id in Front.List("apps"))
        {
            if (!IsId(id))
                Problems.Add(line, $"'{id}' is not the id of an app guide", "use the file name of a guide in content/guides/apps/ without '.md', e.g. 'apps: [roblox, minecraft]'");
            else if (!apps.Contains(id))
            {
                apps.Add(id);
                Problems.Links.Add(new ContentLink(line, AppLinks.PathOf(id)));
            }
        }
        return apps;
    }

    /// <summary>A date written <c>2026-12-07</c> (year, month, day), as every review date is.</summary>
    public DateOnly? ReadDate(string key, bool required)
    {
        var text = Front.Text(key);
        if (text is null)
        {
            if (required)
                Problems.Add(Front.LineOf(key), $"the file has no '{key}:' date", $"add a line '{key}: 2026-12-07' with the day (year-month-day) the guide was last checked");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        Problems.Add(Front.LineOf(key), $"'{text}' is not a date", $"write the date as year-month-day: '{key}: 2026-12-07'");
        return null;
    }

    /// <summary>Says which front matter names were not used: nearly always a typo.</summary>
    public void ReportUnknownSettings()
    {
        foreach (var (name, line) in Front.Unread())
            Problems.Add(line, $"'{name}:' is not a setting of a {Front.Text("kind") ?? "content"} file",
                "check the spelling against content/README.md, or remove the line");
    }

    public void RequireNoPreamble(IReadOnlyList<SourceLine> preamble)
    {
        var text = preamble.FirstOrDefault(l => !l.IsBlank);
        if (text.Number > 0)
            Problems.Add(text.Number, "there is text before the first '## ' heading, where nothing shows it",
                "move it into a part (under a '## ' heading), or remove it");
    }

    public static bool IsId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
