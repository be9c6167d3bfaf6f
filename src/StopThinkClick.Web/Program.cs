using StopThinkClick.Web.Aup;
using StopThinkClick.Web.Curriculum;
using StopThinkClick.Web.Live;
using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Checks;
using StopThinkClick.Web.Platform.Commands;
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

// A command (backup, school add, doctor … : Platform/Commands) runs and exits; without one, the app serves.
if (AppCommands.Find(args) is { } command)
    return await command.RunAsync(args, () => Compose(args));

WebApplication app;
try { app = Compose(args); }
catch (StartupProblem problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}
if (!await app.PrepareAsync())
    return 1;
await app.RunAsync();
return 0;

// The composition root: each feature adds itself, then the pipeline, the live hub and health checks.
static WebApplication Compose(string[] args)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args, WebRootPath = RepoPaths.WebRoot,
        // Named, not taken from the entry assembly: the demo (src/StopThinkClick.Demo) runs this same Main.
        ApplicationName = typeof(Program).Assembly.GetName().Name,
    });
    // Only an address given explicitly (./stc run always gives one); the test host picks its own.
    if (ListenAddresses.Problem(builder.Configuration["urls"]) is { } taken)
        throw new StartupProblem(taken);
    builder.AddEventStore();
    builder.AddCurriculum();
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
    builder.AddProductionChecks();

    var app = builder.Build();
    app.UseWebPlatform();
    app.MapHealth();
    app.MapLive();
    return app;
}

public partial class Program;
