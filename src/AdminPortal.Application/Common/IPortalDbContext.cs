using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Common;

/// <summary>The portal's data as the use cases see it; one instance per operation.</summary>
public interface IPortalDbContext : IAsyncDisposable
{
    DbSet<Account> Accounts { get; }

    DbSet<AccountMember> AccountMembers { get; }

    DbSet<PhoneNumber> PhoneNumbers { get; }

    DbSet<ReleaseRequest> ReleaseRequests { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<ApiKey> ApiKeys { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public interface IPortalDbFactory
{
    Task<IPortalDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
