using System.Net;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StopThinkClick.Curriculum.Model;
using StopThinkClick.Web.Schools;
using Xunit;

namespace StopThinkClick.TestSupport;

/// <summary>
/// The real app on a real loopback port, against a fresh PostgreSQL database of its own. One per
/// test collection (xunit collection fixture); each test makes its own school, so tests never see
/// each other's data.
/// </summary>
public class AppOnKestrel : WebApplicationFactory<Program>, IAsyncLifetime
{
    string database = "";
    string? connectionString;

    public AppOnKestrel() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string ConnectionString => connectionString ?? TestPostgres.ConnectionString(database);

    /// <summary>A fixture with a database of its own (its own cluster) overrides this.</summary>
    protected virtual async Task<string> CreateDatabaseAsync()
    {
        database = await TestPostgres.CreateDatabaseAsync(Purpose);
        return TestPostgres.ConnectionString(database);
    }

    protected virtual Task DropDatabaseAsync() => database.Length > 0 ? TestPostgres.DropAsync(database) : Task.CompletedTask;

    public string BaseUrl
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress.ToString().TrimEnd('/');
        }
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Every error the app logged: tests of bad input and faults check it stays empty.</summary>
    public LogCapture Logs { get; } = new();

    protected virtual string Purpose => "app";

    /// <summary>Extra settings a derived fixture may give the app.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => [];

    public async Task InitializeAsync()
    {
        connectionString = await CreateDatabaseAsync();
        _ = BaseUrl;
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Marten", ConnectionString);
        // The retention tests run it with their own clock; the daily schedule stays out of the way.
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in dozens of people from one address; the brute-force test uses its own app with the real limits.
        builder.UseSetting("RateLimits:PupilSignInPerMinute", "100000");
        builder.UseSetting("RateLimits:AdultSignInPerMinute", "100000");
        builder.UseSetting("RateLimits:WrongCodesPerTenMinutes", "100000");
        builder.UseSetting("RateLimits:WrongPinsPerAddressPerTenMinutes", "100000");
        foreach (var (key, value) in Settings()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>A new school with its own tenant id, classes, pupils and adults, whose PINs and cards the test knows.</summary>
    public async Task<SchoolPlan> NewSchoolAsync(params (Band Band, int Pupils)[] classes)
    {
        var id = "t" + Guid.NewGuid().ToString("N")[..10];
        var specs = (classes.Length == 0 ? [(Band.Y3, 6)] : classes)
            .Select((c, i) => new ClassSpec($"{c.Band.ShortName()} class {i + 1}", c.Band, c.Pupils)).ToList();
        var plan = SchoolPlanner.Plan(id, $"Test school {id}", $"{id}.test", specs, Random.Shared.Next(), "test-password-1");
        await SchoolSeeder.WriteAsync(Store, plan);
        TwoStepCodes.Remember(plan);
        return plan;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
    }
}
