using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Curriculum.Reading;

namespace StopThinkClick.Curriculum.Rendering;

/// <summary>
/// Turns content Markdown into HTML that is safe to put in a child's page: raw HTML is never
/// emitted (it is escaped, and the content check refuses it), pictures only come from picture
/// lines, and links only go to this app or a short list of child-safety organisations.
/// </summary>
public static partial class SafeMarkdown
{
    /// <summary>Sites a content file may link to: the helplines and guidance the school policies name.</summary>
    public static IReadOnlyList<string> AllowedHosts { get; } =
    [
        "ceop.police.uk", "childline.org.uk", "nspcc.org.uk", "thinkuknow.co.uk", "childnet.com",
        "saferinternet.org.uk", "internetmatters.org", "parentzone.org.uk", "net-aware.org.uk", "iwf.org.uk", "gov.uk",
        // Prevent's ACT Early advice for families worried about radicalisation (run by Counter Terrorism Policing).
        "actearly.uk",
    ];

    // The check pipeline keeps HTML so that it can be found and refused; pages use the one without.
    static readonly MarkdownPipeline Checking = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();
    static readonly MarkdownPipeline Rendering = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static RichText Render(IReadOnlyList<SourceLine> lines, Problems problems)
    {
        var kept = lines.SkipWhile(l => l.IsBlank).ToList();
        var text = string.Join('\n', kept.Select(l => l.Text)).TrimEnd();
        if (text.Length == 0) return RichText.Empty;
        Check(text, kept[0].Number, problems);
        return new RichText(ToHtml(text), Plain(text));
    }

    /// <summary>One line (an option, a choice, feedback): rendered without the surrounding paragraph.</summary>
    public static RichText RenderInline(string text, int line, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return RichText.Empty;
        Check(text, line, problems);
        var html = ToHtml(text).Trim();
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) &&
            html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
            html = html[3..^4];
        return new RichText(html, Plain(text));
    }

    static void Check(string text, int firstLine, Problems problems)
    {
        var document = Markdown.Parse(text, Checking);
        foreach (var node in document.Descendants())
        {
            var line = firstLine + node.Line;
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    problems.Add(line, "raw HTML is not allowed in content",
                        "write it in Markdown (**bold**, *italic*, lists, [links](/guides/y3)); pages never show HTML from content");
                    break;
                case LinkInline { IsImage: true }:
                    problems.Add(line, "a picture must be on a line of its own",
                        "move '![…](name)' to its own line at the top of the part");
                    break;
                case LinkInline { IsImage: false } link when IsAllowed(link.Url) && link.Url!.StartsWith('/'):
                    problems.Links.Add(new ContentLink(line, link.Url));
                    break;
                case LinkInline link when !IsAllowed(link.Url):
                    problems.Add(line, $"the link '{link.Url}' goes somewhere that is not allowed",
                        "link to a page of this app (starting with /) or to " + string.Join(", ", AllowedHosts));
                    break;
                case AutolinkInline autolink when !IsAllowed(autolink.Url):
                    problems.Add(line, $"the link '{autolink.Url}' goes somewhere that is not allowed",
                        "link to a page of this app (starting with /) or to " + string.Join(", ", AllowedHosts));
                    break;
            }
        }
    }

    static string ToHtml(string text)
    {
        var document = Markdown.Parse(text, Rendering);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsAllowed(link.Url))
            {
                // Never render what the check refused, even if a broken file slipped through.
                var words = new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString())));
                link.ReplaceBy(words);
                continue;
            }
            if (!link.Url!.StartsWith('/'))
                link.GetAttributes().AddProperty("rel", "noopener noreferrer external");
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            else
                autolink.GetAttributes().AddProperty("rel", "noopener noreferrer external");
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Rendering.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
    }

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\'))
            return true;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return false;
        return AllowedHosts.Any(h => uri.Host == h || uri.Host.EndsWith("." + h, StringComparison.Ordinal));
    }

    /// <summary>The words alone, a paragraph or list item a line, for read-aloud and the sentence check.</summary>
    static string Plain(string text)
    {
        var plain = Markdown.ToPlainText(text, Rendering);
        return string.Join('\n', plain.Split('\n').Select(l => Whitespace().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Whitespace();
}
