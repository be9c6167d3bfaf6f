using Marten;
using StopThinkClick.Web.Platform.Commands;

namespace StopThinkClick.Web.Schools.SetUp;

/// <summary><c>./stc trust add --name NAME | trust list</c>: a trust whose schools are then added with <c>./stc school add … --trust ID</c>.</summary>
public static class TrustCommand
{
    public const string Usage = "trust add --name NAME | trust list";

    public static async Task<int> RunAsync(string[] args, Func<WebApplication> compose)
    {
        var verb = args.Length > 1 ? args[1] : "";
        var (options, problem) = verb switch
        {
            "add" => CommandOptions.Parse(args, 2, "--name"),
            "list" => CommandOptions.Parse(args, 2),
            _ => (null, "usage: ./stc " + Usage),
        };
        if (problem is null && verb == "add") problem = TrustIds.Problem(options!.Or("--name", ""));
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }
        await using var app = await AppCommands.BuildAsync(compose);
        if (app is null) return 1;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (verb == "list")
        {
            await using var query = store.QuerySession();
            var schools = await query.Query<School>().Where(s => s.AnyTenant() && s.TrustId != null).ToListAsync();
            foreach (var trust in (await query.Query<Trust>().ToListAsync()).OrderBy(t => t.Name))
                Console.WriteLine($"{trust.Id,-30} {trust.Name} ({schools.Count(s => s.TrustId == trust.Id)} schools)");
            return 0;
        }
        var name = options!.Or("--name", "").Trim();
        await using var session = store.LightweightSession();
        session.Insert(new Trust(TrustIds.From(name), name));
        try { await session.SaveChangesAsync(); }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            Console.Error.WriteLine($"There is already a trust \"{TrustIds.From(name)}\" here: nothing was written; add its schools with ./stc school add … --trust {TrustIds.From(name)}.");
            return 2;
        }
        Console.WriteLine($"Added the trust {name}. Add its schools with: ./stc school add … --trust {TrustIds.From(name)}");
        return 0;
    }
}
