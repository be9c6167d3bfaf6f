using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// Words a sentence, for the words a child reads: the content guide's limits by band (EYFS 3–6,
/// Y1 ≤ 8, Y2 ≤ 10, Y3–Y4 ≤ 12, Y5–Y6 ≤ 15). Adults' texts are not counted.
/// </summary>
public static partial class SentenceLength
{
    public static IEnumerable<string> Sentences(string plain) =>
        plain.Split('\n').SelectMany(line => SentenceEnd().Split(line)).Select(s => s.Trim()).Where(s => s.Length > 0);

    public static int Words(string sentence) => Word().Count(sentence);

    public static void Check(RichText? text, IReadOnlyList<Band> bands, int line, Problems problems)
    {
        if (text is null || text.IsEmpty || bands.Count == 0) return;
        var limit = bands.Min().MaxWordsPerSentence();
        foreach (var sentence in Sentences(text.Plain))
        {
            problems.Reading.Add(sentence);
            var words = Words(sentence);
            if (words > limit)
                problems.Add(line, $"this sentence has {words} words, more than {limit} for {bands.Min().ShortName()}: \"{Shorten(sentence)}\"",
                    "split it into shorter sentences, or use fewer words");
        }
    }

    static string Shorten(string sentence) => sentence.Length <= 70 ? sentence : sentence[..67] + "…";

    // A sentence ends at . ! or ? (and any closing quote), followed by a space.
    [GeneratedRegex(@"(?<=[.!?…][""'”’)]?)\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();
}
