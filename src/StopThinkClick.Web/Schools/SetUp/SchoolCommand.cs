using Marten;
using StopThinkClick.Web.Platform.Commands;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Schools.Settings;
using StopThinkClick.Web.SignIn.Links;

namespace StopThinkClick.Web.Schools.SetUp;

/// <summary>
/// <c>./stc school add|links|list</c>: sets up a real school against the configured database
/// (ConnectionStrings__Marten, or this checkout's own), with no demo anywhere (docs/operations.md,
/// "Your first school in ten minutes").
/// </summary>
public static class SchoolCommand
{
    public const string Usage = "school add --name NAME --urn URN --address https://… --admin EMAIL --admin-name NAME --lead EMAIL --lead-name NAME " +
                                "[--time-zone Europe/London] [--year-starts 09-01] [--languages en,pl] [--trust ID] | school links --urn URN | school list";

    static readonly string[] AddOptions = ["--name", "--urn", "--address", "--admin", "--admin-name", "--lead", "--lead-name", "--time-zone", "--year-starts", "--languages", "--trust"];

    public static async Task<int> RunAsync(string[] args, Func<WebApplication> compose)
    {
        var verb = args.Length > 1 ? args[1] : "";
        var (options, problem) = verb switch
        {
            "add" => CommandOptions.Parse(args, 2, AddOptions),
            "links" => CommandOptions.Parse(args, 2, "--urn"),
            "list" => CommandOptions.Parse(args, 2),
            _ => (null, "usage: ./stc " + Usage),
        };
        if (problem is not null) return Refuse(problem);
        // What was given is checked before the database is touched: a mistake writes nothing, not even the schema.
        var school = verb == "add" ? NewSchoolFrom(options!, AppCommands.Settings()) : null;
        if (school?.Problems() is { Count: > 0 } wrong) return Refuse(string.Join(Environment.NewLine, wrong));
        await using var app = await AppCommands.BuildAsync(compose);
        if (app is null) return 1;
        await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var setUp = scope.ServiceProvider.GetRequiredService<SchoolSetUp>();
        var mail = scope.ServiceProvider.GetRequiredService<PasswordLinks>().CanEmail;
        switch (verb)
        {
            case "add":
                SchoolSetUpDone? done;
                string? refusal;
                try { (done, refusal) = await setUp.AddAsync(school!, CancellationToken.None); }
                catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException or System.Net.Sockets.SocketException)
                {
                    return Refuse($"{school!.Name} is set up, but the mail server did not take its links ({e.Message}): once it does, send them with ./stc school links --urn {school.Urn}.");
                }
                if (refusal is not null) return Refuse(refusal);
                var settings = (await scope.ServiceProvider.GetRequiredService<SchoolContexts>().ForAsync(done!.School.Id)).Settings;
                Console.WriteLine($"Set up {done.School.Name} (URN {done.School.Urn}) at {settings.PublicAddress}: times in {settings.TimeZone}, " +
                                  $"its school year starting on {new DateTime(2001, settings.YearStartMonth, settings.YearStartDay):d MMMM}, for parents in {string.Join(", ", settings.Languages)}.");
                PrintLinks(done.AdminLink, done.LeadLink, school!, mail);
                return 0;
            case "links":
                if (options!["--urn"] is not { } urn || await setUp.FindAsync(urn, CancellationToken.None) is not { } found)
                    return Refuse($"There is no school with URN {options!["--urn"]} here: ./stc school list shows the schools there are.");
                IssuedLink? admin, lead;
                try { (admin, lead) = await setUp.LinksAsync(found, CancellationToken.None); }
                catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException or System.Net.Sockets.SocketException)
                {
                    return Refuse($"The mail server did not take the links ({e.Message}): check the Mail__ settings and run this again.");
                }
                if (admin is null && lead is null)
                    return Refuse($"{found.Name}'s first admin and lead have both chosen their passwords: from now on the admin makes staff links on Admin → Staff, and leads on Safeguarding → Team.");
                PrintLinks(admin, lead, null, mail);
                return 0;
            default:
                foreach (var s in await setUp.AllAsync(CancellationToken.None))
                    Console.WriteLine($"{s.Name,-40} URN {s.Urn ?? "-",-7} {(s.TrustId is { } t ? "trust " + t : "")}{(s.Demo ? " (demo: not for real children)" : "")}");
                return 0;
        }
    }

    static NewSchool NewSchoolFrom(CommandOptions o, IConfiguration configuration) => new(
        o.Or("--name", ""), o.Or("--urn", ""), o.Or("--time-zone", SchoolSettings.DefaultTimeZone), o.Or("--year-starts", "09-01"),
        o["--address"] ?? configuration.GetSection(PublicAddressOptions.Section)["PublicUrl"] ?? "",
        o.Or("--languages", "en").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        o.Or("--admin", ""), o.Or("--admin-name", ""), o.Or("--lead", ""), o.Or("--lead-name", ""), o["--trust"]);

    /// <summary>
    /// With mail, each link went to its own person. Without, they are shown here, once, to the technician at the
    /// server (nobody else can be given them: no one is signed in yet), each to be handed to that person alone.
    /// </summary>
    static void PrintLinks(IssuedLink? admin, IssuedLink? lead, NewSchool? school, bool mail)
    {
        if (mail)
        {
            if (admin is not null) Console.WriteLine($"E-mailed the school admin{(school is null ? "" : $", {school.AdminName} ({school.AdminEmail}),")} their one-time welcome link.");
            if (lead is not null) Console.WriteLine($"E-mailed the safeguarding lead{(school is null ? "" : $", {school.LeadName} ({school.LeadEmail}),")} their own one-time welcome link (the admin never sees it).");
            Console.WriteLine("Each link works once, within 7 days; with it they choose a password, then set up two-step sign-in with an authenticator app.");
            return;
        }
        Console.WriteLine("There is no mail server (Mail__SmtpHost), so the one-time links are shown here, once. Each works once, within 7 days:");
        if (admin?.Url is { } a)
            Console.WriteLine($"  For the school admin{(school is null ? "" : $", {school.AdminName} ({school.AdminEmail})")}, and nobody else:{Environment.NewLine}    {a}");
        if (lead?.Url is { } l)
            Console.WriteLine($"  For the designated safeguarding lead{(school is null ? "" : $", {school.LeadName} ({school.LeadEmail})")}, handed to them yourself and never through the admin (it opens every child's worries):{Environment.NewLine}    {l}");
        Console.WriteLine("With it each chooses a password, then sets up two-step sign-in with an authenticator app. Do not keep the links: they are secrets until used.");
    }

    static int Refuse(string problem)
    {
        Console.Error.WriteLine(problem);
        return 2;
    }
}
