using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

internal sealed class ReleaseRequestConfiguration : IEntityTypeConfiguration<ReleaseRequest>
{
    public void Configure(EntityTypeBuilder<ReleaseRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(Keys.IdMaxLength);
        builder.Property(r => r.PhoneNumberId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(r => r.AccountId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(r => r.E164).HasMaxLength(E164.MaxLength);
        builder.Property(r => r.RequestedById).HasMaxLength(Keys.NameMaxLength);
        builder.Property(r => r.RequestedByName).HasMaxLength(Keys.NameMaxLength);
        builder.Property(r => r.DecidedById).HasMaxLength(Keys.NameMaxLength);
        builder.Property(r => r.DecidedByName).HasMaxLength(Keys.NameMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(TextRule.Reason.MaxStoredLength);
        builder.Property(r => r.DecisionNote).HasMaxLength(TextRule.Note.MaxStoredLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.Ignore(r => r.Fee);
        builder.Ignore(r => r.FeeCharged);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Timing).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.Property(r => r.BatchId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(r => r.SecondApprovalReasons).HasMaxLength(500);
        builder.Property(r => r.FirstApprovedById).HasMaxLength(Keys.NameMaxLength);
        builder.Property(r => r.FirstApprovedByName).HasMaxLength(Keys.NameMaxLength);
        builder.HasOne<PhoneNumber>().WithMany().HasForeignKey(r => r.PhoneNumberId);

        // At most one open request (pending, or approved for the end of the billing cycle) per number, whatever races the
        // application loses.
        builder.HasIndex(r => r.PhoneNumberId).IsUnique().HasFilter("\"Status\" IN ('Pending', 'Scheduled')").HasDatabaseName("IX_ReleaseRequests_OnePendingPerNumber");
        builder.HasIndex(r => r.BatchId).HasFilter("\"BatchId\" IS NOT NULL");
        builder.HasIndex(r => new { r.Status, r.ScheduledFor });
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => new { r.AccountId, r.RequestedAt });
        builder.HasIndex(r => new { r.PhoneNumberId, r.DecidedAt });
    }
}
