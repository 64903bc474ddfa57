using Npgsql;

namespace AdminPortal.Testing;

/// <summary>
/// Fresh PostgreSQL databases for tests, copied from a template this process migrates once: CREATE DATABASE … TEMPLATE
/// takes a few milliseconds where migrating takes a second or more.
/// </summary>
internal static class PostgresTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string TemplateName = $"portal_template_{Environment.ProcessId}";
    private static bool _migrated;

    /// <param name="migrate">Migrates the database of a connection string, as the tests' services do.</param>
    public static async Task<string> CreateDatabaseAsync(string name, Func<string, Task> migrate)
    {
        await Gate.WaitAsync();
        try
        {
            if (!_migrated)
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
                await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
                var template = On(TemplateName);
                await migrate(template);

                // A template cannot be copied while anyone is connected to it.
                NpgsqlConnection.ClearPool(new NpgsqlConnection(template));
                _migrated = true;
            }

            // A copy of the template's files (and a checkpoint) rather than PostgreSQL 15's default of writing all its
            // pages to the log: half the time for a database of this size.
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\" STRATEGY FILE_COPY");
        }
        finally
        {
            Gate.Release();
        }

        return On(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string On(string database) =>
        new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(On("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
