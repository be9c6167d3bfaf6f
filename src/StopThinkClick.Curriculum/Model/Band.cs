namespace StopThinkClick.Curriculum.Model;

/// <summary>Reception (EYFS) to Year 6. Key stage 1 is Y1–Y2, key stage 2 is Y3–Y6.</summary>
public enum Band { EYFS, Y1, Y2, Y3, Y4, Y5, Y6 }

public enum KeyStage { EarlyYears, KS1, KS2 }

public static class Bands
{
    public static IReadOnlyList<Band> All { get; } = Enum.GetValues<Band>();

    public static KeyStage KeyStage(this Band band) => band switch
    {
        Band.EYFS => Model.KeyStage.EarlyYears,
        Band.Y1 or Band.Y2 => Model.KeyStage.KS1,
        _ => Model.KeyStage.KS2,
    };

    /// <summary>"Reception", "Year 3": the words teachers and parents use.</summary>
    public static string DisplayName(this Band band) => band == Band.EYFS ? "Reception (EYFS)" : $"Year {(int)band}";

    public static string ShortName(this Band band) => band == Band.EYFS ? "Reception" : $"Year {(int)band}";

    public static (int From, int To) Ages(this Band band) => band == Band.EYFS ? (4, 5) : ((int)band + 4, (int)band + 5);

    /// <summary>
    /// The longest sentence a child of this band should be asked to read (content guide: EYFS 3–6
    /// words, Y1 ≤ 8, Y2 ≤ 10, lower KS2 ≤ 12, upper KS2 ≤ 15). EYFS allows one more word for names
    /// such as "Mr Khan".
    /// </summary>
    public static int MaxWordsPerSentence(this Band band) => band switch
    {
        Band.EYFS => 7,
        Band.Y1 => 8,
        Band.Y2 => 10,
        Band.Y3 or Band.Y4 => 12,
        _ => 15,
    };

    public static string Slug(this Band band) => band.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Band band)
    {
        band = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant().Replace(" ", "");
        if (t is "RECEPTION" or "R") t = "EYFS";
        if (t.StartsWith("YEAR", StringComparison.Ordinal)) t = "Y" + t[4..];
        return Enum.TryParse(t, ignoreCase: true, out band) && Enum.IsDefined(band) && !int.TryParse(t, out _);
    }
}
