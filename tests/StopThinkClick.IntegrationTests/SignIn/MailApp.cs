using StopThinkClick.TestSupport;

namespace StopThinkClick.IntegrationTests.SignIn;

/// <summary>The app with the school's mail server (a sink the tests read) and its public address configured.</summary>
public sealed class MailApp : AppOnKestrel
{
    public const string PublicUrl = "https://esafety.example-school.test";

    public SmtpSink Mail { get; } = new();

    protected override string Purpose => "mail";

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Mail:SmtpHost", "127.0.0.1"), new("Mail:SmtpPort", Mail.Port.ToString()), new("Mail:EnableSsl", "false"),
        new("Mail:From", "office@example-school.test"), new("App:PublicUrl", PublicUrl),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

[CollectionDefinition(nameof(MailCollection))]
public sealed class MailCollection : ICollectionFixture<MailApp>;
