using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Varna.Features.Keys;

public static class KeysRegistration
{
    // Data Protection keys live in the database so that every node shares them (cookies, tokens,
    // links, and the encrypted columns); each is wrapped with the master key before it is stored.
    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        MasterKey masterKey;
        try
        {
            masterKey = MasterKey.Load(builder.Configuration, builder.Environment);
        }
        catch (MasterKeyException e)
        {
            throw new StartupRefusedException("Värna will not start: " + e.Message);
        }
        builder.Services.AddSingleton(masterKey);
        // Keys are made by KeyRing (at start, by the CLI and by a daily check), never by Data Protection
        // itself in the middle of a request: on SQLite, writing a key from inside another transaction
        // would wait for that transaction's lock.
        builder.Services.AddDataProtection().SetApplicationName("Varna").PersistKeysToDbContext<AppDbContext>()
            .DisableAutomaticKeyGeneration();
        builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey));
        builder.Services.AddSingleton<FieldProtection>();
        builder.Services.AddScoped<KeyRing>();
        builder.Services.AddScoped<Reencryption>();
        builder.Services.AddHostedService<KeyRingWarden>();
        return builder;
    }
}
