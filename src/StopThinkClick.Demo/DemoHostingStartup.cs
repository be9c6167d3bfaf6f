using Marten;
using StopThinkClick.Demo;
using StopThinkClick.Web.Platform;

[assembly: HostingStartup(typeof(DemoHostingStartup))]

namespace StopThinkClick.Demo;

/// <summary>
/// What the demo adds to the real app, through ASP.NET Core's hosting-startup hook (the way to add to
/// an app from another assembly without touching its Program.cs): its key document and its seeding
/// before serving. <see cref="DemoProgram"/> names this assembly as a hosting startup.
/// </summary>
public sealed class DemoHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.ConfigureMarten(opts => opts.Schema.For<DemoKey>().SingleTenanted());
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<IBeforeServing, DemoSeeding>();
    });
}
