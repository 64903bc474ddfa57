using Microsoft.Data.Sqlite;

namespace AdminPortal.Testing;

/// <summary>
/// Fresh SQLite files for tests, copied from one this process migrates once: copying a file takes a millisecond where
/// running every migration takes a tenth of a second or more. The template is deleted when the process ends.
/// </summary>
internal static class SqliteTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string TemplatePath = Path.Combine(Path.GetTempPath(), "adminportal-tests", $"template_{Environment.ProcessId}.db");
    private static bool _migrated;

    /// <param name="migrate">Migrates the database of a connection string, as the tests' services do.</param>
    public static async Task<string> CopyToAsync(string path, Func<string, Task> migrate)
    {
        await Gate.WaitAsync();
        try
        {
            if (!_migrated)
            {
                // A file of an earlier process with this id, killed before it could remove it, is not started from.
                DeleteTemplate();
                var template = $"Data Source={TemplatePath}";
                await migrate(template);

                // Closing the last connection checkpoints the write-ahead log into the file and removes it.
                SqliteConnection.ClearPool(new SqliteConnection(template));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteTemplate();
                _migrated = true;
            }

            File.Copy(TemplatePath, path);
            if (File.Exists(TemplatePath + "-wal"))
            {
                // A log the last close could not fold in (a connection still open elsewhere) holds part of the schema.
                File.Copy(TemplatePath + "-wal", path + "-wal");
            }
        }
        finally
        {
            Gate.Release();
        }

        return $"Data Source={path}";
    }

    private static void DeleteTemplate()
    {
        foreach (var file in new[] { TemplatePath, TemplatePath + "-wal", TemplatePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
