using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdminPortal.Infrastructure.Persistence;

public static class SqliteSetup
{
    public const string DefaultConnectionString = "Data Source=App_Data/portal.db";

    /// <summary>
    /// A relative data source is taken from the app's content root. The file (0600), and its folder when the portal
    /// creates it (0700), are the portal user's alone; SQLite gives its -wal and -shm files the database file's permissions.
    /// </summary>
    public static string Resolve(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            PrivateFolder.Create(Path.GetDirectoryName(builder.DataSource)!, narrowExisting: false);
            PrivateFolder.PrepareFile(builder.DataSource);
        }

        return builder.ToString();
    }

    public static DbContextOptionsBuilder UsePortalSqlite(this DbContextOptionsBuilder options, string connectionString, int busyTimeoutMilliseconds) =>
        options
            .UseSqlite(connectionString)
            .AddInterceptors(new ConnectionPragmas(busyTimeoutMilliseconds), new WriterTurns(busyTimeoutMilliseconds), new VersionInterceptor());

    /// <summary>
    /// Writers queue for the lock instead of failing at once with SQLITE_BUSY. Reads go through a memory map of the file
    /// (up to SQLite's 2 GB limit) rather than a system call per page: a page of the numbers list that reads a few thousand
    /// rows from the table takes half the time (docs/performance.md).
    /// </summary>
    private sealed class ConnectionPragmas(int milliseconds) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {milliseconds}; PRAGMA mmap_size = 2147418112;";
            command.ExecuteNonQuery();
        }
    }
}
