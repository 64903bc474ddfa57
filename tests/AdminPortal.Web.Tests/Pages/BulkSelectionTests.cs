using AdminPortal.Testing;
using AdminPortal.Web.Components.Pages.Numbers;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Web.Tests.Pages;

/// <summary>On the Numbers page an owner picks numbers for a bulk release: all that match the filters, and only their own.</summary>
public sealed class BulkSelectionTests : PageTest
{
    [Fact]
    public async Task Selecting_all_that_match_and_previewing_hands_exactly_those_numbers_to_the_bulk_page()
    {
        var scenario = await Scenario.CreateAsync(Db);
        var mine = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            mine.Add((await Db.Given().NumberAsync(scenario.AccountId)).E164);
        }

        await Db.Given().NumberAsync(Cast.OtherAccountId, "+14155550999");
        SignIn(scenario.Owner);
        var page = Render<NumbersPage>();
        page.WaitForElement("[data-testid=numbers-grid] tbody tr");

        page.Find("[data-testid=select-all-matching]").Click();
        page.WaitForAssertion(() => Assert.Equal("30 selected", page.Find("[data-testid=selected-count]").TextContent.Trim()));
        page.Find("[data-testid=preview-bulk]").Click();

        Assert.EndsWith("/bulk-release", Services.GetRequiredService<NavigationManager>().Uri);
        var (account, numbers) = Services.GetRequiredService<BulkSelection>().Take();
        Assert.Equal(scenario.AccountId, account);
        Assert.Equal(mine.Order(), numbers.Order());
    }

    [Fact]
    public async Task A_pasted_number_written_with_spaces_is_one_number_and_lines_commas_and_semicolons_separate_them()
    {
        var scenario = await Scenario.CreateAsync(Db);
        await Db.Given().NumberAsync(scenario.AccountId, "+14155551234");
        await Db.Given().NumberAsync(scenario.AccountId, "+14155551235");
        await Db.Given().NumberAsync(scenario.AccountId, "+14155551236");
        SignIn(scenario.Owner);
        var page = Render<BulkReleasePage>();
        page.WaitForElement("#bulk-numbers");

        page.Find("#bulk-numbers").Change("+1 415 555 1234\n+1 415-555-1235; \"+1 (415) 555 1236\"");
        page.Find("[data-testid=bulk-preview]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["+14155551234", "+14155551235", "+14155551236"],
            page.FindAll("[data-testid=verdict]").Select(r => r.QuerySelector("td")!.TextContent.Trim())));
        Assert.All(page.FindAll("[data-testid=verdict]"), r => Assert.Contains("Releasable", r.TextContent));
    }

    [Fact]
    public async Task Numbers_of_a_second_account_left_out_of_the_bulk_page_are_counted_in_a_warning()
    {
        var scenario = await Scenario.CreateAsync(Db);
        await Db.Given().AccountAsync("acc_second", scenario.Owner);
        for (var i = 0; i < 3; i++)
        {
            await Db.Given().NumberAsync(scenario.AccountId);
        }

        await Db.Given().NumberAsync("acc_second");
        SignIn(scenario.Owner);
        var page = Render<NumbersPage>();
        page.WaitForElement("[data-testid=numbers-grid] tbody tr");

        page.Find("[data-testid=select-all-matching]").Click();
        page.WaitForAssertion(() => Assert.Equal("4 selected", page.Find("[data-testid=selected-count]").TextContent.Trim()));
        page.Find("[data-testid=preview-bulk]").Click();

        Assert.Equal(3, Services.GetRequiredService<BulkSelection>().Take().Numbers.Count);
        Overlays.WaitForAssertion(() => Assert.Contains("1 selected number of other accounts left out", Overlays.Markup));
    }

    [Fact]
    public async Task The_page_check_box_selects_the_rows_shown_and_a_row_check_box_takes_one_back()
    {
        var scenario = await Scenario.CreateAsync(Db);
        for (var i = 0; i < 30; i++)
        {
            await Db.Given().NumberAsync(scenario.AccountId);
        }

        SignIn(scenario.Owner);
        var page = Render<NumbersPage>();
        page.WaitForElement("[data-testid=numbers-grid] tbody tr");

        page.Find("[data-testid=select-page]").Change(true);
        page.WaitForAssertion(() => Assert.Equal("25 selected", page.Find("[data-testid=selected-count]").TextContent.Trim()));
        Assert.All(page.FindAll("[data-testid=numbers-grid] tbody input[type=checkbox]"), box => Assert.True(box.HasAttribute("checked")));

        page.FindAll("[data-testid=numbers-grid] tbody input[type=checkbox]")[3].Change(false);
        page.WaitForAssertion(() => Assert.Equal("24 selected", page.Find("[data-testid=selected-count]").TextContent.Trim()));
        Assert.False(page.Find("[data-testid=select-page]").HasAttribute("checked"));
    }

    [Fact]
    public async Task Editing_the_list_after_a_preview_takes_the_preview_away_so_only_previewed_numbers_are_requested()
    {
        var scenario = await Scenario.CreateAsync(Db);
        var previewed = (await Db.Given().NumberAsync(scenario.AccountId)).E164;
        var other = (await Db.Given().NumberAsync(scenario.AccountId)).E164;
        SignIn(scenario.Owner);
        Services.GetRequiredService<BulkSelection>().Choose(scenario.AccountId, [previewed]);
        var page = Render<BulkReleasePage>();
        page.WaitForElement("[data-testid=bulk-summary]");

        page.Find("#bulk-numbers").Change(other);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=bulk-summary]")));
        Assert.Empty(page.FindAll("[data-testid=bulk-request]"));
        page.Find("[data-testid=bulk-preview]").Click();
        page.WaitForAssertion(() => Assert.Equal(other, page.Find("[data-testid=verdict] td").TextContent.Trim()));
    }

    [Fact]
    public async Task Entries_without_a_digit_are_skipped_and_the_preview_says_which()
    {
        var scenario = await Scenario.CreateAsync(Db);
        var number = (await Db.Given().NumberAsync(scenario.AccountId)).E164;
        SignIn(scenario.Owner);
        var page = Render<BulkReleasePage>();
        page.WaitForElement("[data-testid=bulk-preview]");

        page.Find("#bulk-numbers").Change($"number\nnot-a-number\n{number}\nhello world");
        page.Find("[data-testid=bulk-preview]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Skipped, holding no digit: “number”, “not-a-number”, “hello world”.", page.Find("[data-testid=bulk-skipped]").TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid=verdict]"));
    }

    [Fact]
    public async Task Staff_have_no_bulk_release_on_the_numbers_page()
    {
        SignIn((await Scenario.CreateAsync(Db)).Reviewer);

        var page = Render<NumbersPage>();

        Assert.Empty(page.FindAll("[data-testid=bulk-toolbar]"));
    }
}
