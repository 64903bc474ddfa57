using AdminPortal.Domain.Accounts;
using AdminPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(Keys.IdMaxLength);
        builder.Property(a => a.Name).HasMaxLength(Account.NameMaxLength);
        builder.Property(a => a.ReleasePolicy).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AccountId);
        builder.Navigation(a => a.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AccountMemberConfiguration : IEntityTypeConfiguration<AccountMember>
{
    public void Configure(EntityTypeBuilder<AccountMember> builder)
    {
        builder.HasKey(m => new { m.AccountId, m.UserId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId);
        builder.HasIndex(m => m.UserId);
    }
}

internal static class Keys
{
    public const int IdMaxLength = 40;
    public const int EnumMaxLength = 20;
    public const int NameMaxLength = 256;
}
