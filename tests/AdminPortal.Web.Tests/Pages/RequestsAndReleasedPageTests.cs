using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Web.Components.Pages.Released;
using AdminPortal.Web.Components.Pages.Requests;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Web.Tests.Pages;

public sealed class RequestsAndReleasedPageTests : PageTest
{
    private Scenario _scenario = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await Scenario.CreateAsync(Db);
    }

    [Fact]
    public async Task My_requests_lists_the_accounts_requests_with_withdraw_only_on_pending_ones()
    {
        var pending = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        var decided = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550002");
        await Scenario.RequestAsync(Db, _scenario.Owner, pending);
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, decided);
        SignIn(_scenario.Owner);

        var cut = Render<MyRequestsPage>();

        var rows = cut.WaitForElements("[data-testid=requests-grid] tbody tr", 2);
        var pendingRow = rows.Single(r => r.TextContent.Contains("+14155550001", StringComparison.Ordinal));
        var approvedRow = rows.Single(r => r.TextContent.Contains("+14155550002", StringComparison.Ordinal));
        Assert.NotNull(pendingRow.QuerySelector("[data-testid=withdraw]"));
        Assert.Null(approvedRow.QuerySelector("[data-testid=withdraw]"));
        Assert.Contains("Approved", approvedRow.TextContent);
    }

    [Fact]
    public async Task My_requests_filtered_to_a_status_with_none_says_so_rather_than_that_there_are_no_requests()
    {
        await Scenario.RequestAsync(Db, _scenario.Owner, await Db.Given().NumberAsync(_scenario.AccountId));
        SignIn(_scenario.Owner);
        var cut = Render<MyRequestsPage>();
        cut.WaitForElements("[data-testid=requests-grid] tbody tr", 1);

        cut.Find("[role=combobox][aria-label=Status]").MouseDown();
        Overlays.WaitForElements("[role=option]").First(o => o.TextContent.Trim() == nameof(ReleaseRequestStatus.Rejected)).Click();

        cut.WaitForAssertion(() => Assert.Contains("None of these release requests is rejected", cut.Find("[data-testid=requests-grid]").TextContent));
        Assert.DoesNotContain("No release requests yet", cut.Markup);
    }

    [Fact]
    public async Task My_requests_says_when_an_approved_release_was_cancelled_and_its_fee_voided()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550003", purchasedDaysAgo: 20);
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, number);
        Db.Clock.Advance(TimeSpan.FromDays(2));
        (await Db.Get<Application.Releases.CancelRelease>().HandleAsync(_scenario.Owner, Application.Common.NumberKey.ById(number.Id), Ct)).Succeeded();
        SignIn(_scenario.Owner);

        var cut = Render<MyRequestsPage>();

        var cancelled = cut.WaitForElement("[data-testid=release-cancelled]").TextContent;
        Assert.Contains($"Release cancelled {Components.Shared.Format.Time(Db.Now)}", cancelled);
        Assert.Contains("fee $25.00 voided", cancelled);
    }

    [Fact]
    public async Task Withdraw_after_confirmation_withdraws_the_request_and_keeps_the_number_active()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        var requestId = await Scenario.RequestAsync(Db, _scenario.Owner, number);
        SignIn(_scenario.Owner);
        var cut = Render<MyRequestsPage>();

        cut.WaitForElement("[data-testid=withdraw]").Click();
        Confirm("Withdraw");

        cut.WaitForAssertion(() => Assert.Contains("Withdrawn", cut.Find("[data-testid=requests-grid] tbody tr").TextContent));
        Assert.Equal(ReleaseRequestStatus.Withdrawn, await InDbAsync(db => db.ReleaseRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(NumberStatus.Active, await InDbAsync(db => db.PhoneNumbers.Where(n => n.Id == number.Id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task Released_shows_a_countdown_and_cancel_while_cooling_off_lasts_and_neither_once_returned()
    {
        var cooling = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        var returned = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550002");
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, returned);
        Db.Clock.Advance(TimeSpan.FromDays(30));
        await Db.Get<Application.Releases.ReturnExpiredReleases>().HandleAsync(Ct);
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, cooling);
        Db.Clock.Advance(TimeSpan.FromDays(5));
        SignIn(_scenario.Owner);

        var cut = Render<ReleasedPage>();

        var rows = cut.WaitForElements("[data-testid=released-grid] tbody tr", 2);
        var coolingRow = rows.Single(r => r.TextContent.Contains("+14155550001", StringComparison.Ordinal));
        var returnedRow = rows.Single(r => r.TextContent.Contains("+14155550002", StringComparison.Ordinal));
        Assert.Equal("25 d 0 h left", coolingRow.QuerySelector("[data-testid=countdown]")!.TextContent);
        Assert.NotNull(coolingRow.QuerySelector("[data-testid=cancel-release]"));
        Assert.Null(returnedRow.QuerySelector("[data-testid=cancel-release]"));
        Assert.Contains("Returned", returnedRow.TextContent);
    }

    [Fact]
    public async Task Cancel_from_the_released_list_names_what_is_restored_and_restores_it()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, purchasedDaysAgo: 10);
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, number);
        SignIn(_scenario.Reviewer);
        var cut = Render<ReleasedPage>();

        cut.WaitForElement("[data-testid=cancel-release]").Click();
        var question = Overlays.WaitForElement("[role=dialog] [data-testid=confirm-message]").TextContent;
        Assert.Contains(Cast.TrunkGroup, question);
        Assert.Contains(Cast.InboundRouting, question);
        Assert.Contains("$25.00", question);
        Confirm("Cancel release");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=cancel-release]")));
        var stored = await InDbAsync(db => db.PhoneNumbers.SingleAsync(n => n.Id == number.Id));
        Assert.Equal((NumberStatus.Active, Cast.TrunkGroup, Cast.InboundRouting), (stored.Status, stored.TrunkGroup, stored.InboundRouting));
    }
}
