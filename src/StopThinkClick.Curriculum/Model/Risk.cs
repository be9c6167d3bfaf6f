namespace StopThinkClick.Curriculum.Model;

/// <summary>The four Cs of online risk (Keeping Children Safe in Education).</summary>
public enum Risk { Content, Contact, Conduct, Commerce }

public static class Risks
{
    public static IReadOnlyList<Risk> All { get; } = Enum.GetValues<Risk>();
    public static string Slug(this Risk risk) => risk.ToString().ToLowerInvariant();
    public static string DisplayName(this Risk risk) => risk.ToString();

    public static bool TryParse(string? slug, out Risk risk) =>
        Enum.TryParse(slug?.Trim(), ignoreCase: true, out risk) && Enum.IsDefined(risk) && !int.TryParse(slug, out _);
}
