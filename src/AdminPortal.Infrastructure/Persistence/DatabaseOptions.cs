namespace AdminPortal.Infrastructure.Persistence;

public enum DatabaseProvider
{
    /// <summary>One file beside the portal: the default, for one machine.</summary>
    Sqlite,

    /// <summary>A shared server, for several portal instances behind a load balancer.</summary>
    Postgres,
}

/// <summary>The <c>Database</c> section; <c>ConnectionStrings:Portal</c> holds the chosen provider's connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>How long a SQLite writer waits for the lock before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Whether each start applies pending migrations; turn it off when a separate <c>--migrate-only</c> step does.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
