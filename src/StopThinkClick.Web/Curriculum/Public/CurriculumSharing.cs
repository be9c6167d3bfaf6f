namespace StopThinkClick.Web.Curriculum.Public;

/// <summary>
/// Whether a school publishes its whole online-safety curriculum on a public page, for anyone to
/// read without signing in (RSHE 2025 asks schools to make materials available to parents; some
/// put them on their website). Off until the school's admin turns it on. One per school, its id the
/// school's id. Who changed it last is kept: it is a decision the head may be asked about.
/// </summary>
public sealed record CurriculumSharing(string Id, bool Public, Guid ChangedBy, DateTimeOffset ChangedAt)
{
    public static string PathFor(string schoolId) => $"/schools/{Uri.EscapeDataString(schoolId)}/curriculum";
}
