namespace StopThinkClick.Curriculum.Reading;

/// <summary>A line of a content file with its 1-based line number, kept so every problem can say where it is.</summary>
public readonly record struct SourceLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
    public bool IsIndented => Text.StartsWith("  ", StringComparison.Ordinal) || Text.StartsWith('\t');
    public string Trimmed => Text.Trim();
}
