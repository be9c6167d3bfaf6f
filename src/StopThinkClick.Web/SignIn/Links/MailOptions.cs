namespace StopThinkClick.Web.SignIn.Links;

/// <summary>
/// The school's own mail server, if it has one (docs/operations.md). Without it the app sends no
/// e-mail at all: a sign-in link is shown once to the admin, to pass on in person.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "";

    public bool Configured => !string.IsNullOrWhiteSpace(SmtpHost) && !string.IsNullOrWhiteSpace(From);
}
