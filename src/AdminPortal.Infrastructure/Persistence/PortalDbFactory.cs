using AdminPortal.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Persistence;

internal sealed class PortalDbFactory(IDbContextFactory<PortalDbContext> factory) : IPortalDbFactory
{
    public async Task<IPortalDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);
}
