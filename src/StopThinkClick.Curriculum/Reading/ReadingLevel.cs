using System.Text.RegularExpressions;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Curriculum.Reading;

/// <summary>
/// Counts the sentences, words and syllables of the words a child reads in one file, for the
/// Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. A rough
/// measure (it cannot tell a kind sentence from a clear one), but the same ruler for every file,
/// so a year group's mean shows when writing drifts above what its children read alone.
/// </summary>
public sealed partial class ReadingTally
{
    public int Sentences { get; private set; }
    public int Words { get; private set; }
    public int Syllables { get; private set; }

    public bool IsEmpty => Words == 0;

    public double Grade => IsEmpty ? 0 : 0.39 * Words / Math.Max(1, Sentences) + 11.8 * Syllables / Words - 15.59;

    public void Add(string sentence)
    {
        var words = Word().Matches(sentence).Select(m => m.Value).ToList();
        if (words.Count == 0) return;
        Sentences++;
        Words += words.Count;
        Syllables += words.Sum(SyllablesIn);
    }

    /// <summary>Vowel groups, less a silent final e ("make", not "table"); every word has at least one.</summary>
    public static int SyllablesIn(string word)
    {
        var w = word.ToLowerInvariant().Replace("’", "'");
        if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
        if (w.All(char.IsDigit)) return Math.Max(1, w.Length / 2);
        var count = VowelGroup().Count(w);
        if (w.Length > 2 && w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && !w.EndsWith("ee", StringComparison.Ordinal) && count > 1)
            count--;
        if (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
        {
            // "makes", "liked": the ending adds no syllable unless it follows t, d, s, x, z, ch, sh.
            var stem = w[..^2];
            if (count > 1 && !Regex.IsMatch(stem, "(t|d|s|x|z|ch|sh|c|g)$")) count--;
        }
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}

/// <summary>One child-facing file's reading level, for <c>./stc check-content</c>.</summary>
public sealed record FileReadingLevel(string File, IReadOnlyList<Band> Bands, double Grade);

/// <summary>
/// The reading-level targets by year group (Flesch–Kincaid grade, mean over the year's child-facing
/// files). Parents' texts are not counted: they are written for adults.
/// </summary>
public static class ReadingTargets
{
    public static double For(Band band) => band switch
    {
        Band.EYFS or Band.Y1 => 2.0,
        Band.Y2 => 2.5,
        Band.Y3 => 3.5,
        Band.Y4 => 4.5,
        Band.Y5 => 5.5,
        _ => 6.5,
    };

    public sealed record BandLevel(Band Band, int Files, double Mean, double Target)
    {
        public bool Met => Mean <= Target;
    }

    /// <summary>Each year group's mean over the files written for it (a file for several years counts in each).</summary>
    public static IReadOnlyList<BandLevel> Means(IEnumerable<FileReadingLevel> files)
    {
        var all = files.ToList();
        return Model.Bands.All
            .Select(band => (band, grades: all.Where(f => f.Bands.Contains(band)).Select(f => f.Grade).ToList()))
            .Where(x => x.grades.Count > 0)
            .Select(x => new BandLevel(x.band, x.grades.Count, Math.Round(x.grades.Average(), 2), For(x.band)))
            .ToList();
    }
}
