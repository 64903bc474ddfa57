using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorId).HasMaxLength(Keys.NameMaxLength);
        builder.Property(e => e.ActorName).HasMaxLength(Keys.NameMaxLength);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength + 10);
        builder.Property(e => e.AccountId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(e => e.PhoneNumberId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(e => e.ReleaseRequestId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(e => e.E164).HasMaxLength(E164.MaxLength);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(Keys.NameMaxLength + 20);
        builder.HasIndex(e => new { e.AccountId, e.OccurredAt });
        builder.HasIndex(e => new { e.PhoneNumberId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
    }
}
