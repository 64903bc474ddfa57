using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Api.Tests.Security;

/// <summary>
/// The database and the key ring at rest: the portal user's alone, and the keys (in a folder on SQLite, in the database
/// on PostgreSQL) encrypted when a certificate is given.
/// </summary>
public sealed class StorageTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_portal_narrows_its_database_file_to_0600_and_its_key_folder_to_0700_when_it_starts()
    {
        Assert.SkipWhen(TestDatabase.OnPostgres, "On PostgreSQL there is no database file, and the keys are in the database");
        await using var host = await ApiHost.StartAsync([]);

        Assert.Equal(OwnerFile, File.GetUnixFileMode(host.Db.FilePath));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(host.Db.FilePath + "-keys"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_database_in_a_new_folder_gets_a_0700_folder_and_a_0600_file_before_SQLite_opens_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "adminportal-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var connection = AdminPortal.Infrastructure.Persistence.SqliteSetup.Resolve("Data Source=data/portal.db", root);

            Assert.Contains(Path.Combine(root, "data", "portal.db"), connection);
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(root, "data")));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(root, "data", "portal.db")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task With_a_certificate_configured_the_data_protection_keys_are_stored_encrypted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "adminportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var certificate = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=AdminPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pfx, "test-password"), Ct);
        }

        var keys = Path.Combine(folder, "keys");
        try
        {
            await using var host = await ApiHost.StartAsync(new()
            {
                ["DataProtection:KeysFolder"] = keys,
                ["DataProtection:CertificatePath"] = certificate,
                ["DataProtection:CertificatePassword"] = "test-password",
            });

            await host.Browser().PageAsync("/Account/Login");

            string ring;
            if (TestDatabase.OnPostgres)
            {
                await using var db = host.Db.NewContext();
                ring = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct))!;
            }
            else
            {
                ring = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(keys, "key-*.xml")), Ct);
            }

            Assert.Contains("EncryptedData", ring);
            Assert.DoesNotContain("unencrypted form", ring);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
