using AdminPortal.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.To).HasMaxLength(Keys.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(Keys.NameMaxLength);
        builder.Property(m => m.Body).HasMaxLength(4000);
        // Two administrators asking at once: only one save finds the link still there.
        builder.Property(m => m.Link).HasMaxLength(2000).IsConcurrencyToken();
        builder.Property(m => m.LinkShownTo).HasMaxLength(Keys.NameMaxLength);
        builder.HasIndex(m => m.CreatedAt);
    }
}
