using AdminPortal.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Persistence;

internal sealed class PortalDbFactory(IDbContextFactory<PortalDbContext> factory) : IPortalDbFactory
{
    public async Task<IPortalDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);

    /// <summary>The provider's context factory, seen as the portal's.</summary>
    internal sealed class Upcast<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
        where TContext : PortalDbContext
    {
        public PortalDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
