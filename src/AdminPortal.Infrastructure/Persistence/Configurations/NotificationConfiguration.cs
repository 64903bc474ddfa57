using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Webhooks;
using AdminPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.UserId).HasMaxLength(Keys.NameMaxLength);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength + 10);
        builder.Property(n => n.AccountId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.Property(n => n.DedupeKey).HasMaxLength(100);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // Each event reaches each person once, however often a worker retries.
        builder.HasIndex(n => new { n.UserId, n.DedupeKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.UserId).HasMaxLength(Keys.NameMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength + 10);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QueuedMailConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public void Configure(EntityTypeBuilder<QueuedMail> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.To).HasMaxLength(Keys.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(Keys.NameMaxLength);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => m.NextAttemptAt);
    }
}

internal sealed class EventCursorConfiguration : IEntityTypeConfiguration<EventCursor>
{
    public void Configure(EntityTypeBuilder<EventCursor> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(Keys.IdMaxLength);
        // Two workers reading the same events: the second save finds the cursor moved and stores nothing.
        builder.Property(c => c.LastEventId).IsConcurrencyToken();
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasMaxLength(Keys.IdMaxLength);
        builder.Property(w => w.AccountId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(w => w.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.Property(w => w.EventTypes).HasMaxLength(300);
        builder.Property(w => w.ProtectedSecret).HasMaxLength(1000);
        builder.Property(w => w.CreatedById).HasMaxLength(Keys.NameMaxLength);
        builder.Property(w => w.DisabledReason).HasMaxLength(300);
        builder.HasOne<Domain.Accounts.Account>().WithMany().HasForeignKey(w => w.AccountId);
        // One active endpoint per address and account: a second would post every event there twice (decision 0027).
        builder.HasIndex(w => new { w.AccountId, w.Url }).IsUnique().HasFilter("\"DisabledAt\" IS NULL").HasDatabaseName("IX_WebhookEndpoints_OneActivePerAddress");
        builder.HasIndex(w => w.AccountId);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.EndpointId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(d => d.AccountId).HasMaxLength(Keys.IdMaxLength);
        builder.Property(d => d.EventId).HasMaxLength(60);
        builder.Property(d => d.EventType).HasMaxLength(40);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(Keys.EnumMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.EndpointId, d.Id });
        builder.HasIndex(d => d.NextAttemptAt);
    }
}
