using AdminPortal.Application.Notifications;
using AdminPortal.Application.Webhooks;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Notifications;
using AdminPortal.Testing;
using AdminPortal.Web.Components.Layout;
using AdminPortal.Web.Components.Pages.Notifications;
using AdminPortal.Web.Components.Pages.Webhooks;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Web.Tests.Pages;

/// <summary>The bell, the Notifications page and the Webhooks page on the real use cases.</summary>
public sealed class NotificationPageTests : PageTest
{
    private Actor _owner = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _owner = await Db.Given().MemberAsync(Cast.OwnerEmail, PortalRoles.Owner);
        await Db.Given().AccountAsync(Cast.AccountId, _owner);
        await using var db = Db.NewContext();
        db.Notifications.AddRange(
            new Notification(_owner.UserId, NotificationKind.RequestApproved, Cast.AccountId, "The release of +14155550123 was approved by reviewer@example.com", "numbers/phn_1", "evt_1", Db.Now),
            new Notification(_owner.UserId, NotificationKind.NumberReturned, Cast.AccountId, "+14155550124 went back to inventory after its cooling-off period", "numbers/phn_2", "evt_2", Db.Now));
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public void The_bell_shows_the_unread_count_and_says_it()
    {
        SignIn(_owner);

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("[data-testid=unread-count]").TextContent));
        Assert.Equal("Notifications: 2 unread", bell.Find("[data-testid=bell]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_bell_counts_again_when_the_instance_feed_reports_a_notification_for_its_person()
    {
        SignIn(_owner);
        var feed = Services.GetRequiredService<NotificationFeed>();
        await feed.CheckAsync(Ct);
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("[data-testid=unread-count]").TextContent));

        // The worker, on this instance or another one, adds a notification.
        await using (var db = Db.NewContext())
        {
            db.Notifications.Add(new Notification(_owner.UserId, NotificationKind.NumberReturned, Cast.AccountId, "+14155550125 went back to inventory", "numbers/phn_3", "evt_3", Db.Now));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal("2", bell.Find("[data-testid=unread-count]").TextContent);
        Assert.True(await feed.CheckAsync(Ct));
        bell.WaitForAssertion(() => Assert.Equal("3", bell.Find("[data-testid=unread-count]").TextContent));
        Assert.Equal("Notifications: 3 unread", bell.Find("[data-testid=bell]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Opening_a_notification_reads_it_and_goes_where_it_points()
    {
        SignIn(_owner);
        var page = Render<NotificationsPage>();

        page.WaitForElements("[data-testid=notification-link]", 2)
            .Single(a => a.TextContent.Contains("+14155550124", StringComparison.Ordinal)).Click();

        Assert.EndsWith("/numbers/phn_2", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
        var unread = await InDbAsync(db => db.Notifications.Where(n => n.UserId == _owner.UserId && n.ReadAt == null).Select(n => n.Link).ToListAsync(Ct));
        Assert.Equal(["numbers/phn_1"], unread);
    }

    [Fact]
    public async Task The_feed_names_only_the_people_who_got_something()
    {
        var reviewer = await Db.Given().ReviewerAsync();
        var feed = Services.GetRequiredService<NotificationFeed>();
        await feed.CheckAsync(Ct);
        var told = new List<string?>();
        feed.Changed += told.Add;

        await using (var db = Db.NewContext())
        {
            db.Notifications.Add(new Notification(reviewer.UserId, NotificationKind.NewRequest, Cast.AccountId, "A new request is in the review queue", "review", "evt_4", Db.Now));
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(await feed.CheckAsync(Ct));
        Assert.Equal([reviewer.UserId], told);
    }

    [Fact]
    public async Task The_bell_counts_on_its_own_every_twelve_intervals_in_case_the_feed_missed_one()
    {
        SignIn(_owner);
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("[data-testid=unread-count]").TextContent));

        // Committed out of id order on PostgreSQL, say: the feed never reports it.
        await using (var db = Db.NewContext())
        {
            db.Notifications.Add(new Notification(_owner.UserId, NotificationKind.NumberReturned, Cast.AccountId, "+14155550126 went back to inventory", "numbers/phn_4", "evt_5", Db.Now));
            await db.SaveChangesAsync(Ct);
        }

        Db.Clock.Advance(TimeSpan.FromSeconds(new NotificationOptions().IntervalSeconds * 12));
        bell.WaitForAssertion(() => Assert.Equal("3", bell.Find("[data-testid=unread-count]").TextContent));
    }

    [Fact]
    public async Task Marking_one_read_then_all_read_empties_the_bell()
    {
        SignIn(_owner);
        var bell = Render<NotificationBell>();
        var page = Render<NotificationsPage>();

        page.WaitForElements("[data-testid=notification] button")[0].Click();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=unread-count]").TextContent));
        page.Find("[data-testid=mark-all-read]").Click();

        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-testid=unread-count]").TextContent));
        Assert.Equal(0, await InDbAsync(db => db.Notifications.CountAsync(n => n.ReadAt == null, Ct)));
    }

    [Fact]
    public async Task Ticking_an_email_choice_keeps_it()
    {
        SignIn(_owner);
        var page = Render<NotificationsPage>();

        page.WaitForElements("input[type=checkbox]")[0].Change(true);

        page.WaitForAssertion(() => Assert.Contains("You will also get an e-mail", Overlays.Markup));
        var chosen = Assert.Single(await Db.Get<NotificationPreferences>().ListAsync(_owner, Ct), p => p.Email);
        Assert.Equal(NotificationKind.RequestApproved, chosen.Kind);
    }

    [Fact]
    public async Task Adding_an_endpoint_shows_its_secret_once_and_lists_it()
    {
        SignIn(_owner);
        var page = Render<WebhooksPage>();

        page.WaitForElement("#webhook-url").Change("http://127.0.0.1:9/hooks");
        page.Find("[data-testid=webhook-form]").Submit();

        var secret = page.WaitForElement("[data-testid=new-secret] pre").TextContent.Trim();
        Assert.StartsWith("whsec_", secret);
        Assert.Contains("http://127.0.0.1:9/hooks", page.Find("[data-testid=webhook]").TextContent);
        Assert.DoesNotContain(secret, page.Find("[data-testid=webhook]").TextContent);
        var stored = Assert.Single((await Db.Get<ManageWebhooks>().ListAsync(_owner, Cast.AccountId, Ct)).Succeeded());
        Assert.Equal(7, stored.EventTypes.Count);
    }

    [Fact]
    public async Task Adding_an_address_the_account_already_has_tells_which_endpoint_and_adds_nothing()
    {
        SignIn(_owner);
        var first = (await Db.Get<ManageWebhooks>().AddAsync(_owner, Cast.AccountId, "http://127.0.0.1:9/hooks", null, Ct)).Succeeded();
        var page = Render<WebhooksPage>();

        page.WaitForElement("#webhook-url").Change("HTTP://127.0.0.1:9/hooks");
        page.Find("[data-testid=webhook-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains($"already has the endpoint {first.Webhook.Id}", Overlays.Markup));
        Assert.Single((await Db.Get<ManageWebhooks>().ListAsync(_owner, Cast.AccountId, Ct)).Succeeded());
    }
}
