using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Api;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Infrastructure.Throttling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(Keys.IdMaxLength);
        builder.Property(k => k.UserId).HasMaxLength(Keys.NameMaxLength);
        builder.Property(k => k.Name).HasMaxLength(TextRule.KeyName.MaxStoredLength);
        builder.Property(k => k.ShownPrefix).HasMaxLength(ApiKey.ShownPrefixLength);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Ignore(k => k.IsRevoked);
        // Two revocations of one key racing: one is saved and audited, the other finds the key changed.
        builder.Property(k => k.RevokedAt).IsConcurrencyToken();
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => new { k.UserId, k.CreatedAt });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.UserId).HasMaxLength(Keys.NameMaxLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ClaimToken).HasMaxLength(32);
        builder.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class CounterWindowConfiguration : IEntityTypeConfiguration<CounterWindow>
{
    public void Configure(EntityTypeBuilder<CounterWindow> builder)
    {
        builder.HasKey(w => new { w.Key, w.Minute });
        builder.Property(w => w.Key).HasMaxLength(CounterWindow.KeyMaxLength);
        builder.HasIndex(w => w.Minute);
    }
}
