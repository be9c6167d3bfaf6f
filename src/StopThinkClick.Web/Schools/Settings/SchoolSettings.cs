namespace StopThinkClick.Web.Schools.Settings;

/// <summary>
/// One school's own settings, one document per school (its id is the school's id, in the school's
/// tenant): the time its dates are shown in, when its school year starts, the address its links are
/// built on, and the languages offered to its parents. Read them through <see cref="SchoolContexts"/>,
/// never by hand: a school without a document (made before settings existed) gets the defaults below.
/// </summary>
public sealed record SchoolSettings(string Id)
{
    /// <summary>An IANA time zone id, e.g. <c>Europe/London</c>: every date and time the school's pages show is in it.</summary>
    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>The first day of the school year (month and day; England's is 1 September).</summary>
    public int YearStartMonth { get; init; } = 9;
    public int YearStartDay { get; init; } = 1;

    /// <summary>
    /// The school's own address for the app (<c>https://esafety.example-school.org.uk</c>), which its
    /// e-mailed links and printed QR codes are built on; null: the server's <c>App:PublicUrl</c>.
    /// </summary>
    public string? PublicAddress { get; init; }

    /// <summary>Languages offered to parents, as language tags (<c>en</c>, <c>pl</c>, <c>ur</c>); English first and always.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    public const string DefaultTimeZone = "Europe/London";
}
