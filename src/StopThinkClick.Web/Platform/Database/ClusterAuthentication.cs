using Npgsql;

namespace StopThinkClick.Web.Platform.Database;

/// <summary>
/// Puts a private cluster on passwords, every start, idempotently: the app's role exists (not a
/// superuser) with the password in its file. A cluster made before passwords — <c>trust</c> for every
/// local user, which let the <c>nobody</c> account in as superuser — is moved over in place, its data
/// kept: both roles get their passwords, the app's role takes over the databases and everything in
/// them, and pg_hba.conf's trust lines become scram-sha-256, reloaded at once.
/// </summary>
static class ClusterAuthentication
{
    public static void Ensure(LocalPostgres cluster, ClusterPasswords passwords)
    {
        var trusting = TrustLines(cluster.HbaFile);
        // Through trust while it is still there (the last time), else with the superuser's password.
        var admin = new NpgsqlConnectionStringBuilder(cluster.SuperuserConnectionString("postgres")) { Timeout = 15 };
        if (trusting) admin.Password = null;
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        Execute(connection, $"""
            do $$ begin
              if not exists (select 1 from pg_roles where rolname = '{LocalPostgres.AppRole}') then
                create role {LocalPostgres.AppRole} login createdb nosuperuser nocreaterole;
              end if;
            end $$;
            """);
        Execute(connection, $"alter role {LocalPostgres.AppRole} password {Literal(passwords.App)}");
        if (!trusting) return;

        Execute(connection, $"alter role postgres password {Literal(passwords.Superuser)}");
        foreach (var database in Databases(connection))
        {
            Execute(connection, $"alter database \"{database}\" owner to {LocalPostgres.AppRole}");
            using var inside = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString);
            inside.Open();
            Execute(inside, HandOver);
        }
        var hba = File.ReadAllLines(cluster.HbaFile)
            .Select(line => IsTrust(line) ? line.Replace("trust", "scram-sha-256", StringComparison.Ordinal) : line);
        File.WriteAllLines(cluster.HbaFile, hba); // rewritten in place: the file keeps its owner (postgres) and mode
        Execute(connection, "select pg_reload_conf()");
    }

    static bool TrustLines(string hbaFile) => File.ReadLines(hbaFile).Any(IsTrust);

    static bool IsTrust(string line) =>
        line.TrimStart() is { Length: > 0 } l && !l.StartsWith('#') && l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Contains("trust");

    static List<string> Databases(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("select datname from pg_database where datallowconn and datname not in ('postgres', 'template1')", connection);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>
    /// Everything the superuser owns in a database's own schemas passes to the app's role (REASSIGN OWNED
    /// cannot move the bootstrap superuser's objects): schemas, tables, views, free-standing sequences
    /// (a column's own follows its table) and functions — Marten alters them as its schema changes.
    /// </summary>
    const string HandOver = $$"""
        do $$
        declare r record;
        begin
          for r in select n.nspname from pg_namespace n
                   where n.nspowner = 'postgres'::regrole and n.nspname !~ '^pg_' and n.nspname not in ('information_schema', 'public') loop
            execute format('alter schema %I owner to {{LocalPostgres.AppRole}}', r.nspname);
          end loop;
          for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where c.relowner = 'postgres'::regrole and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'
                     and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                     and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')) loop
            execute format('alter table %s owner to {{LocalPostgres.AppRole}}', r.name);
          end loop;
          for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                   where p.proowner = 'postgres'::regrole and n.nspname !~ '^pg_' and n.nspname <> 'information_schema' loop
            execute format('alter routine %s owner to {{LocalPostgres.AppRole}}', r.name);
          end loop;
        end $$;
        """;

    static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A generated hex password as an SQL literal (it holds no quote, but say so in the code, not only the generator).</summary>
    static string Literal(string password) =>
        password.All(char.IsAsciiLetterOrDigit) ? $"'{password}'" : throw new InvalidOperationException("A generated password must be letters and digits only.");
}
