using AdminPortal.Application.Common;
using AdminPortal.Application.Messages;
using AdminPortal.Application.Users;
using AdminPortal.Web.Components.Pages.Accounts;
using AdminPortal.Web.Components.Pages.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Testing;
using AdminPortal.Web.Components.Pages.Admin;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Web.Tests.Pages;

/// <summary>The administration pages and the owners' accounts page, on the real use cases.</summary>
public sealed class AdministrationPageTests : PageTest
{
    private Actor _admin = null!;
    private Actor _owner = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var given = Db.Given();
        _admin = await given.MemberAsync(Cast.AdminEmail, PortalRoles.Admin);
        _owner = await given.MemberAsync(Cast.OwnerEmail, PortalRoles.Owner);
        await given.AccountAsync(Cast.AccountId, _owner);
    }

    [Fact]
    public async Task An_admin_invites_a_user_who_is_listed_as_invited_with_the_link_waiting_in_the_outbox()
    {
        SignIn(_admin);
        var cut = Render<UsersPage>();
        cut.WaitForAssertion(() => Assert.Contains(Cast.OwnerEmail, cut.Find("[data-testid=users-grid]").TextContent));

        cut.Find("#invite-email").Change("new.person@example.com");
        cut.Find("[data-testid=invite-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("new.person@example.com", cut.Find("[data-testid=users-grid]").TextContent));
        var row = cut.FindAll("[data-testid=users-grid] tbody tr").Single(r => r.TextContent.Contains("new.person@example.com"));
        Assert.Equal("Invited", row.QuerySelector("[data-testid=user-status]")!.TextContent.Trim());
        var message = await InDbAsync(db => db.OutboxMessages.SingleAsync(Ct));
        Assert.Equal("new.person@example.com", message.To);
        Assert.StartsWith("http://localhost/Account/Invitation?user=", message.Link);
    }

    [Fact]
    public async Task Disabling_a_user_from_the_menu_asks_first_and_then_shows_them_disabled()
    {
        SignIn(_admin);
        var cut = Render<UsersPage>();
        var ownerRow = cut.WaitForElement("[data-testid=users-grid] tbody tr:nth-child(2)");
        Assert.Contains(Cast.OwnerEmail, ownerRow.TextContent);

        ownerRow.QuerySelector("[data-testid=user-actions] button")!.Click();
        Overlays.WaitForElements(".mud-menu-item").Single(i => i.TextContent.Trim() == "Disable").Click();
        Confirm("Disable");

        cut.WaitForAssertion(() => Assert.Equal("Disabled", cut.FindAll("[data-testid=users-grid] tbody tr")[1].QuerySelector("[data-testid=user-status]")!.TextContent.Trim()));
        Assert.NotNull(await InDbAsync(db => db.Users.Where(u => u.Id == _owner.UserId).Select(u => u.DisabledAt).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Removing_the_last_owner_names_the_active_numbers_and_needs_a_second_yes()
    {
        await Db.Given().NumberAsync(Cast.AccountId, "+14155550123");
        SignIn(_admin);
        var cut = Render<ManageAccountsPage>();

        cut.WaitForElement("[data-testid=owner-chip] button").Click();
        Confirm("Remove");
        cut.WaitForAssertion(() => Assert.Contains("+14155550123", Dialog().TextContent));
        Confirm("Remove anyway");

        cut.WaitForAssertion(() => Assert.Contains("No owner", cut.Find("[data-testid=account-card]").TextContent));
        Assert.Equal(0, await InDbAsync(db => db.AccountMembers.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_link_in_the_outbox_is_shown_once_and_then_only_who_saw_it()
    {
        (await Db.Get<InviteUser>().HandleAsync(_admin, "new.person@example.com", null, PortalRoles.Reviewer, [], Ct)).Succeeded();
        await using (var db = Db.NewContext())
        {
            db.OutboxMessages.Add(new Domain.Messages.OutboxMessage("new.person@example.com", "You are invited to AdminPortal", "Hello", "https://portal.example/Account/Invitation?token=abc", Db.Now));
            await db.SaveChangesAsync(Ct);
        }

        SignIn(_admin);
        var cut = Render<OutboxPage>();
        cut.WaitForElement("[data-testid=show-link]").Click();
        Confirm("Show link");

        cut.WaitForAssertion(() => Assert.Equal("https://portal.example/Account/Invitation?token=abc", cut.Find("[data-testid=link]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Contains($"Shown to {Cast.AdminEmail}", cut.Find("[data-testid=outbox-grid]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=show-link]"));
        Assert.False((await Db.Get<ListOutbox>().HandleAsync(_admin, new Paging(), Ct)).Succeeded().Items.Single().HasLink);
    }

    [Fact]
    public async Task A_change_to_a_user_is_on_the_audit_page_with_its_subject_and_what_changed_field_by_field()
    {
        (await Db.Get<DisableUser>().HandleAsync(_admin, _owner.UserId, Ct)).Succeeded();
        SignIn(_admin);

        var cut = Render<AuditPage>();

        var row = cut.WaitForElement("[data-testid=audit-grid] tbody tr");
        Assert.Contains("User disabled", row.TextContent);
        Assert.Contains($"user {Cast.OwnerEmail}", row.TextContent);
        Assert.Contains(Cast.AdminEmail, row.TextContent);
        row.QuerySelector("[data-testid=show-changes]")!.Click();
        var status = cut.WaitForElements("[data-testid=snapshot-changes] tr.changed").Single();
        Assert.Equal(["Status", "Active", "Disabled"], status.Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task An_owner_sees_the_owners_of_their_accounts_only()
    {
        var coOwner = await Db.Given().MemberAsync(Cast.CoOwnerEmail, PortalRoles.Owner);
        var stranger = await Db.Given().MemberAsync(Cast.StrangerEmail, PortalRoles.Owner);
        await Db.Given().AccountAsync(Cast.OtherAccountId, stranger);
        await using (var db = Db.NewContext())
        {
            (await db.Accounts.Include(a => a.Members).SingleAsync(a => a.Id == Cast.AccountId, Ct)).AddOwner(coOwner.UserId);
            await db.SaveChangesAsync(Ct);
        }

        SignIn(_owner);
        var cut = Render<AccountsPage>();

        var card = cut.WaitForElement("[data-testid=account-card]");
        Assert.Single(cut.FindAll("[data-testid=account-card]"));
        Assert.Contains(Cast.CoOwnerEmail, card.TextContent);
        Assert.DoesNotContain(Cast.StrangerEmail, cut.Markup);
    }
}
