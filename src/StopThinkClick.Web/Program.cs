using StopThinkClick.Web.Curriculum;
using StopThinkClick.Web.Platform;
using StopThinkClick.Web.Platform.Database;
using StopThinkClick.Web.Platform.Health;

if (ContentCheckCommand.Matches(args))
    return ContentCheckCommand.Run(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = RepoPaths.WebRoot });
try
{
    builder.AddEventStore();
    builder.AddCurriculum();
}
catch (StartupProblem problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}
builder.AddHealth();

var app = builder.Build();
app.MapHealth();
app.MapGet("/", () => "StopThinkClick");
await app.RunAsync();
return 0;

public partial class Program;
