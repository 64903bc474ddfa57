using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

internal sealed class PhoneNumberConfiguration : IEntityTypeConfiguration<PhoneNumber>
{
    public void Configure(EntityTypeBuilder<PhoneNumber> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(Keys.IdMaxLength);
        builder.Property(n => n.AccountId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(n => n.E164).HasMaxLength(E164.MaxLength);
        builder.Property(n => n.Label).HasMaxLength(PhoneNumber.LabelMaxLength);
        builder.Property(n => n.CountryCode).HasMaxLength(2);
        builder.Property(n => n.Provider).HasMaxLength(Keys.NameMaxLength);
        builder.Property(n => n.TrunkGroup).HasMaxLength(Keys.NameMaxLength);
        builder.Property(n => n.InboundRouting).HasMaxLength(Keys.NameMaxLength);
        builder.Property(n => n.TrunkGroupBeforeRelease).HasMaxLength(Keys.NameMaxLength);
        builder.Property(n => n.InboundRoutingBeforeRelease).HasMaxLength(Keys.NameMaxLength);
        builder.Property(n => n.ActiveCampaign).HasMaxLength(Keys.NameMaxLength);
        builder.Property(n => n.Type).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.Property(n => n.A2pStatus).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.MonthlyPrice);
        builder.HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId);

        builder.OwnsMany(n => n.Agents, agents =>
        {
            agents.ToTable("AttachedAgents");
            agents.WithOwner().HasForeignKey("PhoneNumberId");
            agents.HasKey(a => a.Id);
            agents.Property(a => a.AgentId).HasMaxLength(Keys.IdMaxLength);
            agents.Property(a => a.Name).HasMaxLength(Keys.NameMaxLength);
        });
        builder.Navigation(n => n.Agents).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The numbers list chooses a page on the sort column, then E164 and Id (ListNumbers). Each sort and each filter of
        // the grid has an index in that order, read backwards for a descending sort or the last page: one set for an
        // account, one for staff over every account. The number, filter and status indexes hold Status (and Label for the
        // search) so that filters are read from the index alone; the label, purchase-date and price sorts do not, so that a
        // decision, which changes the status, rewrites six entries fewer (it reads the status of the 26 rows a page keeps).
        // The status indexes hold those three sort keys instead: a status's numbers are then sorted by any of them from the
        // index alone, and a decision rewrites the same entries as before. Staff's one composite index (a status, then the
        // price) orders a status of the whole platform by price outright: the few-valued price would otherwise be sorted
        // for every page (decision 0028). See docs/performance.md.
        builder.HasIndex(n => new { n.AccountId, n.E164, n.Id, n.Status, n.Label });
        builder.HasIndex(n => new { n.AccountId, n.Status, n.E164, n.Id, n.Label, n.PurchasedAt, n.MonthlyPriceCents });
        builder.HasIndex(n => new { n.AccountId, n.Label, n.E164, n.Id });
        builder.HasIndex(n => new { n.AccountId, n.CountryCode, n.E164, n.Id, n.Status });
        builder.HasIndex(n => new { n.AccountId, n.Type, n.E164, n.Id, n.Status });
        builder.HasIndex(n => new { n.AccountId, n.PurchasedAt, n.E164, n.Id });
        builder.HasIndex(n => new { n.AccountId, n.MonthlyPriceCents, n.E164, n.Id });
        builder.HasIndex(n => new { n.E164, n.Id, n.Status, n.CountryCode, n.Type, n.Label });
        builder.HasIndex(n => new { n.CountryCode, n.E164, n.Id, n.Status });
        builder.HasIndex(n => new { n.Type, n.E164, n.Id, n.Status });
        builder.HasIndex(n => new { n.Status, n.E164, n.Id, n.Label, n.PurchasedAt, n.MonthlyPriceCents });
        builder.HasIndex(n => new { n.Label, n.E164, n.Id });
        builder.HasIndex(n => new { n.PurchasedAt, n.E164, n.Id });
        builder.HasIndex(n => new { n.MonthlyPriceCents, n.E164, n.Id });
        builder.HasIndex(n => new { n.Status, n.MonthlyPriceCents, n.E164, n.Id });
        builder.HasIndex(n => new { n.Status, n.AvailableAfter });
    }
}
