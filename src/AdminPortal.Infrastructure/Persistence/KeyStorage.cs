using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace AdminPortal.Infrastructure.Persistence;

public static class KeyStorage
{
    /// <summary>
    /// Where the data-protection keys (sign-in cookies, antiforgery tokens, webhook secrets) are kept. On SQLite, a folder
    /// beside the database that is the owner's alone; on PostgreSQL, the database itself, so that every instance reads and
    /// honours the same keys.
    /// </summary>
    public static IDataProtectionBuilder PersistPortalKeys(this IDataProtectionBuilder protection, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Postgres)
        {
            return protection.PersistKeysToDbContext<PortalDbContext>();
        }

        var keys = Path.GetFullPath(configuration.GetValue("DataProtection:KeysFolder", "App_Data/keys")!, contentRoot);
        return protection.PersistKeysToFileSystem(PrivateFolder.Create(keys, narrowExisting: true));
    }

    /// <summary>
    /// Whether the keys sit unencrypted in the database, readable by every role that can read it and in every backup: worth
    /// a warning outside Development.
    /// </summary>
    public static bool UnencryptedInDatabase(IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProvider.Postgres
        && string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]);
}
