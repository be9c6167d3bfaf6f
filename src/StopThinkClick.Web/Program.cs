using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Curriculum;
using StopThinkClick.Web.Live;
using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Health;
using StopThinkClick.Web.Platform.Security;
using StopThinkClick.Web.Platform.Web;
using StopThinkClick.Web.Privacy;
using StopThinkClick.Web.Pupils;
using StopThinkClick.Web.Safeguarding;
using StopThinkClick.Web.Schools;
using StopThinkClick.Web.SignIn;
using StopThinkClick.Web.Teachers.Coverage;

if (ContentCheckCommand.Matches(args))
    return ContentCheckCommand.Run(args);
if (StopThinkClick.Web.SignIn.TwoStep.TwoStepCodeCommand.Matches(args))
    return StopThinkClick.Web.SignIn.TwoStep.TwoStepCodeCommand.Run(args);
if (StopCommand.Matches(args))
    return StopCommand.Run();
if (BackupCommand.Matches(args))
    return await BackupCommand.RunAsync(args, new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args.Skip(2).Where(a => a.StartsWith("--") && a.Contains('=')).ToArray()).Build());

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = RepoPaths.WebRoot });
try
{
    // Only an address given explicitly (./stc run always gives one); the test host picks its own.
    if (StopThinkClick.Web.Platform.Web.ListenAddresses.Problem(builder.Configuration["urls"]) is { } taken)
        throw new StartupProblem(taken);
    builder.AddEventStore();
    builder.AddCurriculum();
}
catch (StartupProblem problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}
builder.AddWebPlatform();
builder.AddDatabaseKeyRing();
builder.AddHealth();
builder.AddSchools();
builder.AddSignIn();
builder.AddPupils();
builder.AddAup();
builder.AddCoverage();
builder.AddSafeguarding();
builder.AddLive();
builder.AddPrivacy();

var app = builder.Build();
app.UseWebPlatform();
app.MapHealth();
app.MapLive();

if (!await app.PrepareAsync())
    return 1;
await app.RunAsync();
return 0;

public partial class Program;
