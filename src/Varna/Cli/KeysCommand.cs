using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Varna.Features.Audit;
using Varna.Features.Keys;

namespace Varna.Cli;

// `keys rotate [--master-key-file <new key file>]`, `keys reencrypt`, `keys new-master`.
// A rotation adds a new data-protection key that protects everything written from now on; the old
// keys stay in the ring, so what they protect stays readable. With --master-key-file every key is
// also wrapped again with the new master key, which the operator then gives to every node.
public static class KeysCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments args)
    {
        var action = args.Positional.FirstOrDefault();
        return action switch
        {
            "rotate" => await RotateAsync(services, args),
            "reencrypt" => await ReencryptAsync(services, args),
            _ => throw new CliUsageException("keys needs rotate, reencrypt or new-master."),
        };
    }

    // Needs neither the database nor a master key: it only prints a fresh one.
    public static int NewMaster()
    {
        Console.Error.WriteLine("A new master key. Keep it outside the database and its backups; give it as VARNA_MASTER_KEY or in the file named by Security:MasterKeyFile.");
        Console.WriteLine(MasterKey.NewEncoded());
        return 0;
    }

    private static async Task<int> RotateAsync(IServiceProvider services, CliArguments args)
    {
        args.AllowOnly("master-key-file");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        MasterKey? next = null;
        if (args.Optional("master-key-file") is { } file)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path)) throw new CliUsageException($"--master-key-file: {path} does not exist. Make one with `keys new-master > {file}`.");
            try
            {
                next = MasterKey.Load(new ConfigurationBuilder().AddInMemoryCollection([new(MasterKey.FileSetting, path)]).Build(),
                    services.GetRequiredService<IHostEnvironment>());
            }
            catch (MasterKeyException e)
            {
                throw new CliUsageException("--master-key-file: " + e.Message);
            }
        }

        var key = services.GetRequiredService<IKeyManager>().CreateNewKey(now, now + KeyRing.KeyLifetime);
        Console.WriteLine($"New data-protection key {key.KeyId}, active from {now:yyyy-MM-dd HH:mm} UTC. Data protected with older keys stays readable.");
        var detail = $"new key {key.KeyId}";
        if (next is not null)
        {
            var count = await services.GetRequiredService<KeyRing>().RewrapAsync(next);
            Console.WriteLine($"Wrapped all {count} keys with the new master key {next.Fingerprint}.");
            Console.WriteLine("Give every node the new master key before it next starts; the old one no longer opens the keys.");
            detail += $"; master key {services.GetRequiredService<MasterKey>().Fingerprint} -> {next.Fingerprint}";
        }
        await services.GetRequiredService<AuditLog>().WriteAsync(new AuditRecord(AuditAction.KeysRotated, null, ActorName: "cli", Detail: detail));
        return 0;
    }

    private static async Task<int> ReencryptAsync(IServiceProvider services, CliArguments args)
    {
        args.AllowOnly();
        var rows = await services.GetRequiredService<Reencryption>().RunAsync();
        Console.WriteLine($"Encrypted {rows} rows again with the current key.");
        await services.GetRequiredService<AuditLog>().WriteAsync(new AuditRecord(AuditAction.KeysRotated, null, ActorName: "cli", Detail: $"re-encrypted {rows} rows"));
        return 0;
    }
}
