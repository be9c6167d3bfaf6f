using JasperFx;
using JasperFx.Events;
using Marten;
using JasperFx.MultiTenancy;
using Npgsql;
using Weasel.Core;

namespace StopThinkClick.Web.Platform.Database;

public static class EventStoreSetup
{
    /// <summary>
    /// Marten, the ASP.NET Core way: lightweight sessions, schema applied at start-up, and
    /// conjoined tenancy by school — every document and event stream belongs to one school, so a
    /// session opened for one school cannot read another's. Features add their own documents and
    /// projections with <c>services.ConfigureMarten(...)</c> beside their code.
    /// </summary>
    public static WebApplicationBuilder AddEventStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        string connectionString;
        try
        {
            connectionString = DatabaseConnection.Resolve(builder.Configuration, options, out var local, out var started);
            if (local is not null && started) StopWhenTheProcessEnds(local);
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
        {
            throw new StartupProblem("The embedded database could not start: " + e.Message);
        }

        builder.Services.AddSingleton(new EventStoreConnection(connectionString));
        builder.Services.AddMarten(marten =>
            {
                marten.Connection(connectionString);
                marten.DatabaseSchemaName = options.Schema;
                marten.CommandTimeout = options.CommandTimeoutSeconds;
                marten.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                marten.Policies.AllDocumentsAreMultiTenanted();
                marten.Events.TenancyStyle = TenancyStyle.Conjoined;
                marten.Events.StreamIdentity = StreamIdentity.AsGuid;
                marten.Events.AppendMode = EventAppendMode.Quick;
                marten.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddScoped<SchoolSessions>();
        return builder;
    }

    /// <summary>
    /// The embedded cluster this process started is its own: it stops when the app does, so a Ctrl+C or
    /// SIGTERM on <c>./stc run</c> leaves nothing running. One already running (a served app, when a
    /// command such as <c>./stc school add</c> runs beside it) is left running. ProcessExit comes after the host has stopped (Marten
    /// has written its last) and also when start-up fails after the cluster started.
    /// </summary>
    static void StopWhenTheProcessEnds(LocalPostgres local) =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => local.StopIfRunning();
}

/// <summary>The connection string in use (the configured one or the embedded cluster's).</summary>
public sealed record EventStoreConnection(string ConnectionString)
{
    public string Described => DatabaseConnection.Describe(ConnectionString);
}

/// <summary>A problem that stops start-up, told in one line rather than a stack trace.</summary>
public sealed class StartupProblem(string message) : Exception(message);
