using System.Net.Mail;
using System.Text.RegularExpressions;
using StopThinkClick.Web.Platform.Web;

namespace StopThinkClick.Web.Schools.SetUp;

/// <summary>
/// What a technician gives to set up a school (<c>./stc school add</c>): the school, its settings, and
/// the two people who start it — its first admin and its designated safeguarding lead.
/// </summary>
public sealed partial record NewSchool(
    string Name, string Urn, string TimeZone, string YearStart, string PublicAddress, IReadOnlyList<string> Languages,
    string AdminEmail, string AdminName, string LeadEmail, string LeadName, string? TrustId = null)
{
    /// <summary>The school's id (its tenant), from its URN: one school per URN, and never a demo school's id.</summary>
    public string SchoolId => "urn-" + Urn.Trim();

    /// <summary>Every problem with what was given, one line each naming the option and the fix (none: it may be written).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100) problems.Add("--name: give the school's name as parents know it (up to 100 characters).");
        if (!UrnPattern().IsMatch(Urn.Trim())) problems.Add($"--urn: \"{Urn}\" is not a DfE URN: six digits, as on Get Information about Schools (e.g. 100001).");
        if (!KnownTimeZone(TimeZone)) problems.Add($"--time-zone: \"{TimeZone}\" is not a time zone this server knows: give an IANA name such as Europe/London.");
        if (YearStartOf(YearStart) is null) problems.Add($"--year-starts: \"{YearStart}\" is not a day of the year: give it as MM-DD, e.g. 09-01 for 1 September.");
        if (!AddressIsPublic(PublicAddress)) problems.Add($"--address: \"{PublicAddress}\" is not the school's address for the app: give it as https://esafety.your-school.sch.uk (no path, query or #).");
        if (Languages.Count == 0 || Languages[0] != "en" || Languages.Any(l => !LanguagePattern().IsMatch(l)) || Languages.Distinct().Count() != Languages.Count)
            problems.Add($"--languages: \"{string.Join(",", Languages)}\" should be language tags separated by commas, English first (e.g. en,pl,ur).");
        problems.AddRange(PersonProblems("--admin", AdminEmail, AdminName));
        problems.AddRange(PersonProblems("--lead", LeadEmail, LeadName));
        if (AdultAccount.Normalise(AdminEmail) == AdultAccount.Normalise(LeadEmail))
            problems.Add("--lead: the safeguarding lead needs an account of their own, apart from the admin's: give another e-mail address.");
        return problems;
    }

    public (int Month, int Day) YearStarts => YearStartOf(YearStart) ?? (9, 1);

    static IEnumerable<string> PersonProblems(string option, string email, string name)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 200 || !MailAddress.TryCreate(email.Trim(), out _))
            yield return $"{option}: \"{email}\" does not look like an e-mail address.";
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 60)
            yield return $"{option}-name: give the person's name as the school writes it, e.g. \"Mrs A Patel\" (up to 60 characters).";
    }

    static bool KnownTimeZone(string id)
    {
        try { return id.Contains('/') && TimeZoneInfo.FindSystemTimeZoneById(id) is not null; }
        catch (TimeZoneNotFoundException) { return false; }
        catch (InvalidTimeZoneException) { return false; }
    }

    static (int, int)? YearStartOf(string text)
    {
        var parts = text.Trim().Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], out var month) && int.TryParse(parts[1], out var day)
               && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month) ? (month, day) : null;
    }

    static bool AddressIsPublic(string address) =>
        !string.IsNullOrWhiteSpace(address) && PublicAddressOptions.IsValid(address)
        && Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && uri.AbsolutePath == "/";

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex UrnPattern();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")]
    private static partial Regex LanguagePattern();
}
