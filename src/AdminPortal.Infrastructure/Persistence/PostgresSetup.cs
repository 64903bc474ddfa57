using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Persistence;

public static class PostgresSetup
{
    public static DbContextOptionsBuilder UsePortalPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString)
            .AddInterceptors(new VersionInterceptor(), new NulFreeParameters());
}
