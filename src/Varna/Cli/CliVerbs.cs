namespace Varna.Cli;

// `dotnet run --project src/Varna -- <verb>`: the same program, services and database as the web
// app, without starting the web server. Exit codes: 0 ok, 1 failed, 2 bad arguments.
public static class CliVerbs
{
    private static readonly string[] Verbs = ["migrate", "admin", "token", "seed-demo", "seed-cases", "keys", "audit", "backup", "restore", "help"];

    // `keys new-master` runs before the app is built: it must work where no master key exists yet.
    public static bool IsNewMasterKey(string[] args) => args is ["keys", "new-master", ..];

    public static string? Find(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0]) ? args[0] : null;

    public static WebApplicationBuilder AddCliLogging(this WebApplicationBuilder builder)
    {
        // stdout is for the verb's answer (a token must be the last line); logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        var arguments = CliArguments.Parse(args.Skip(1));
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            // A backup reads the database as it is; a restore must find it empty, before migrating fills it.
            if (verb == "backup") return await BackupCommand.RunAsync(services, arguments);
            if (verb == "restore" && await RestoreCommand.RunAsync(services, arguments) is var restored and not 0) return restored;
            if (verb != "help")
            {
                var db = services.GetRequiredService<AppDbContext>();
                await using var startup = await StartupLock.AcquireAsync(db, app.Logger);
                await db.Database.MigrateAsync();
                if (verb != "restore") await services.GetRequiredService<Features.Keys.KeyRing>().VerifyAsync();
                else if (await RestoreCommand.CheckKeysAsync(services) is var keys and not 0) return keys;
                await RoleSeeder.EnsureRolesAsync(services);
            }
            return verb switch
            {
                "migrate" => Done("Database is up to date."),
                "admin" => await AdminCommand.RunAsync(services, arguments),
                "token" => await TokenCommand.RunAsync(services, arguments),
                "seed-demo" => await SeedDemoCommand.RunAsync(services),
                "seed-cases" => await SeedCasesCommand.RunAsync(services, arguments),
                "keys" => await KeysCommand.RunAsync(services, arguments),
                "audit" => await AuditCommand.RunAsync(services, arguments),
                "restore" => 0,
                _ => Usage(null),
            };
        }
        catch (CliUsageException e)
        {
            return Usage(e.Message);
        }
    }

    private static int Done(string message)
    {
        Console.WriteLine(message);
        return 0;
    }

    internal static int Usage(string? problem)
    {
        if (problem is not null) Console.Error.WriteLine("Error: " + problem);
        Console.Error.WriteLine("""
            Usage: dotnet run --project src/Varna -- <verb>
              migrate                                       apply database migrations
              admin create --org "<name>" --kind municipality|region --email <email>
                                                            create an organisation admin (and the organisation if new)
              token create --email <email> [--name <label>] create a personal API token (printed on the last line)
              seed-demo                                     add the demo data to an empty database
              seed-cases --count <n> [--org DEMO] [--open-share 0.05]
                                                            add n generated cases (for bench/cases.sh)
              keys rotate [--master-key-file <file>]        add a new data-protection key (old data stays readable);
                                                            with a file, also wrap every key with that new master key
              keys reencrypt                                encrypt every protected column again with the current key
              keys new-master                               print a new master key (no database needed)
              audit verify                                  check the audit log's hash chains; exit 1 and name the
                                                            first broken entry when one was altered or deleted
              backup --to <file> [--force]                  a consistent copy of the database while the app serves
                                                            (SQLite backup API or pg_dump), with <file>.sha256;
                                                            the master key is NOT in it: keep it apart
              restore --from <file>                         restore a backup into a new, empty database, migrate it
                                                            and check that the master key given opens it
            """);
        return problem is null ? 0 : 2;
    }
}
