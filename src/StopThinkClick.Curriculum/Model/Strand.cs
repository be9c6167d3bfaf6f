namespace StopThinkClick.Curriculum.Model;

/// <summary>The eight strands of the UKCIS framework <i>Education for a Connected World</i>.</summary>
public enum Strand
{
    SelfImageAndIdentity,
    OnlineRelationships,
    OnlineReputation,
    OnlineBullying,
    ManagingOnlineInformation,
    HealthWellbeingAndLifestyle,
    PrivacyAndSecurity,
    CopyrightAndOwnership,
}

public static class Strands
{
    public static IReadOnlyList<Strand> All { get; } = Enum.GetValues<Strand>();

    static readonly Dictionary<Strand, (string Slug, string Name)> Names = new()
    {
        [Strand.SelfImageAndIdentity] = ("self-image-and-identity", "Self-image and identity"),
        [Strand.OnlineRelationships] = ("online-relationships", "Online relationships"),
        [Strand.OnlineReputation] = ("online-reputation", "Online reputation"),
        [Strand.OnlineBullying] = ("online-bullying", "Online bullying"),
        [Strand.ManagingOnlineInformation] = ("managing-online-information", "Managing online information"),
        [Strand.HealthWellbeingAndLifestyle] = ("health-wellbeing-and-lifestyle", "Health, well-being and lifestyle"),
        [Strand.PrivacyAndSecurity] = ("privacy-and-security", "Privacy and security"),
        [Strand.CopyrightAndOwnership] = ("copyright-and-ownership", "Copyright and ownership"),
    };

    public static string Slug(this Strand strand) => Names[strand].Slug;
    public static string DisplayName(this Strand strand) => Names[strand].Name;

    public static bool TryParse(string? slug, out Strand strand)
    {
        var match = Names.FirstOrDefault(n => string.Equals(n.Value.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase));
        strand = match.Key;
        return match.Value.Slug is not null;
    }

    public static IEnumerable<string> Slugs => Names.Values.Select(n => n.Slug);
}
