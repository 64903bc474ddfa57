using AdminPortal.Domain.Numbers;
using AdminPortal.Web.Components.Layout;
using AdminPortal.Web.Components.Pages.Audit;
using AdminPortal.Web.Components.Pages.Dashboard;
using AdminPortal.Web.Components.Pages.Numbers;
using Bunit;

namespace AdminPortal.Web.Tests.Pages;

public sealed class OverviewPageTests : PageTest
{
    private Scenario _scenario = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await Scenario.CreateAsync(Db);
    }

    [Fact]
    public async Task Numbers_lists_only_the_owners_numbers_with_a_status_badge()
    {
        await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        await Db.Given().NumberAsync(Cast.OtherAccountId, "+14155550999");
        SignIn(_scenario.Owner);

        var cut = Render<NumbersPage>();

        var row = cut.WaitForElement("[data-testid=numbers-grid] tbody tr");
        Assert.Contains("+14155550001", row.TextContent);
        Assert.Equal("Active", row.QuerySelector("[data-testid=status-badge]")!.TextContent.Trim());
        Assert.DoesNotContain("+14155550999", cut.Markup);
    }

    [Fact]
    public async Task Numbers_shows_a_designed_empty_state_when_nothing_matches()
    {
        SignIn(_scenario.Owner);

        var cut = Render<NumbersPage>();

        cut.WaitForAssertion(() => Assert.Contains("No numbers match these filters.", cut.Markup));
    }

    [Fact]
    public async Task Audit_lists_each_change_newest_first_with_who_did_it()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        await Scenario.RequestAsync(Db, _scenario.Owner, number);
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        await Db.Get<Application.Releases.ApproveRequest>().HandleAsync(_scenario.Reviewer, await InDbAsync(db => Task.FromResult(db.ReleaseRequests.Single().Id)), Ct);
        SignIn(_scenario.Reviewer);

        var cut = Render<AuditPage>();

        var rows = cut.WaitForElements("[data-testid=audit-grid] tbody tr", 2);
        Assert.Contains("Release approved", rows[0].TextContent);
        Assert.Contains(Cast.ReviewerEmail, rows[0].TextContent);
        Assert.Contains("Release requested", rows[1].TextContent);
        Assert.Contains(Cast.OwnerEmail, rows[1].TextContent);
    }

    [Fact]
    public async Task Audit_shows_what_an_event_changed_field_by_field_behind_a_button()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001", purchasedDaysAgo: 20);
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, number);
        SignIn(_scenario.Reviewer);
        var cut = Render<AuditPage>();
        cut.WaitForElements("[data-testid=audit-grid] tbody tr", 2);

        cut.FindAll("[data-testid=show-changes]")[0].Click();

        var changed = cut.WaitForElement("[data-testid=snapshot-changes]").QuerySelectorAll("tr.changed")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => string.Join(" → ", r.QuerySelectorAll("td").Select(c => c.TextContent)));
        Assert.Equal("Release pending → Released", changed["Status"]);
        Assert.Equal($"{Cast.TrunkGroup} → —", changed["Trunk group"]);
        Assert.Equal("$0.00 → $25.00", changed["Release fee"]);
        Assert.Equal("Pending → Approved", changed["Request"]);
    }

    [Fact]
    public async Task Dashboard_shows_the_pending_count_and_the_age_of_the_oldest()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.RequestAsync(Db, _scenario.Owner, number);
        Db.Clock.Advance(TimeSpan.FromHours(3));
        SignIn(_scenario.Reviewer);

        var cut = Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=pending-count]").TextContent));
        Assert.Equal("3 h 0 min", cut.Find("[data-testid=oldest-pending]").TextContent);
    }

    [Fact]
    public void An_owner_has_no_review_queue_or_audit_link()
    {
        SignIn(_scenario.Owner);

        var links = Render<NavMenu>().FindAll("nav[aria-label=Main] a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["Numbers", "My requests", "Bulk release", "Released", "Dashboard", "Accounts", "API keys", "Webhooks"], links);
    }

    [Fact]
    public void A_reviewer_has_the_review_queue_and_audit_links()
    {
        SignIn(_scenario.Reviewer);

        var links = Render<NavMenu>().FindAll("nav[aria-label=Main] a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["Numbers", "My requests", "Review queue", "Released", "Audit", "Dashboard", "Accounts", "API keys", "Webhooks"], links);
    }
}
