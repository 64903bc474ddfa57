using AdminPortal.Application.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

/// <summary>Written only by the database's triggers on PhoneNumbers (<see cref="SqliteSql"/>, <see cref="PostgresSql"/>).</summary>
internal sealed class NumberTallyConfiguration : IEntityTypeConfiguration<NumberTally>
{
    public void Configure(EntityTypeBuilder<NumberTally> builder)
    {
        builder.ToTable("NumberTallies");
        builder.HasKey(t => new { t.AccountId, t.Status, t.CountryCode, t.Type });
        builder.Property(t => t.AccountId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(t => t.CountryCode).HasMaxLength(2);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
    }
}
