using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Numbers;

/// <summary>
/// Totals come from tallies the database keeps by triggers, and searches of three characters or more from a text index when
/// few numbers match: both must agree with the rows themselves, on either database.
/// </summary>
public sealed class NumberTotalsAndSearchTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Portal _portal = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _portal = await Portal.CreateAsync(_db);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Totals_follow_every_change_of_status_country_type_and_account_as_the_rows_do()
    {
        var numbers = Enumerable.Range(0, 12).Select(i => Make(i, $"Desk {i}", i % 3 == 0 ? "GB" : "US", i % 4 == 0 ? NumberType.TollFree : NumberType.Local)).ToArray();
        await _portal.InsertAsync(numbers);
        await AssertTotalsMatchRowsAsync();

        var released = await _portal.ReleasedNumberAsync();
        await _portal.RequestAsync(numbers[1]);
        await _portal.ChangeNumberAsync(numbers[2].Id, n => n.MarkReleasePending());
        await AssertTotalsMatchRowsAsync();

        _db.Clock.Advance(TimeSpan.FromDays(45));
        await _portal.ChangeNumberAsync(released.Number.Id, n => n.ReturnToInventory(_db.Now));
        await using (var ctx = _db.NewContext())
        {
            // Moves the database's own triggers must follow too, though the portal never makes them.
            await ctx.Database.ExecuteSqlAsync($"UPDATE \"PhoneNumbers\" SET \"AccountId\" = {Cast.OtherAccountId}, \"CountryCode\" = 'DE', \"Type\" = 'Mobile' WHERE \"Id\" = {numbers[3].Id}", Ct);
            await ctx.Database.ExecuteSqlAsync($"DELETE FROM \"PhoneNumbers\" WHERE \"Id\" = {numbers[4].Id}", Ct);
        }

        await AssertTotalsMatchRowsAsync();
    }

    [Theory]
    [InlineData("desk")]
    [InlineData("DESK 1")]
    [InlineData("sk 1")]
    [InlineData("k 1")]
    [InlineData("1")]
    [InlineData("555 001")]
    [InlineData("+44 20")]
    [InlineData("55")]
    [InlineData("Front")]
    public async Task A_search_finds_exactly_the_numbers_whose_label_or_number_contains_the_text_by_index_or_by_scan(string text)
    {
        await _portal.InsertAsync([.. Enumerable.Range(0, 30).Select(i => Make(i, i % 2 == 0 ? $"Desk {i}" : $"Front desk {i}", i % 3 == 0 ? "GB" : "US"))]);

        var page = await List(_portal.Owner, new NumberFilter(Search: text));

        Assert.Equal(await ContainingAsync(text), page.Items.Select(n => n.Id));
        Assert.Equal(page.Items.Count, page.TotalCount);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("Desk\" OR \"Front")]
    [InlineData("NEAR(desk front)")]
    [InlineData("desk*")]
    [InlineData("Label : desk")]
    [InlineData("^desk")]
    [InlineData("%_\\")]
    public async Task Search_text_in_the_index_syntax_or_with_wildcards_is_taken_literally(string text)
    {
        await _portal.InsertAsync(Make(1, "Desk 1"), Make(2, "Front desk 2"), Make(3, "desk* \"quoted\" %_\\ NEAR(desk front)"));

        var page = await List(_portal.Owner, new NumberFilter(Search: text));

        Assert.Equal(await ContainingAsync(text), page.Items.Select(n => n.Id));
    }

    [Fact]
    public async Task A_search_finds_nothing_in_accounts_the_owner_does_not_reach()
    {
        await _portal.InsertAsync(Make(1, "Warehouse north", account: Cast.OtherAccountId), Make(2, "Warehouse south"));

        var page = await List(_portal.Owner, new NumberFilter(Search: "warehouse"));

        Assert.Equal(["phn_tally002"], page.Items.Select(n => n.Id));
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task A_search_matching_more_than_500_numbers_says_more_than_500_and_still_pages_through_all_of_them()
    {
        await _portal.InsertAsync([.. Enumerable.Range(0, 1_020).Select(i => Make(i, $"Front desk {i}"))]);

        var few = await List(_portal.Owner, new NumberFilter(Search: "Front desk 1"));
        var many = await List(_portal.Owner, new NumberFilter(Search: "front desk"), new Paging(Take: 200));
        var some = await List(_portal.Owner, new NumberFilter(Search: "desk 5"), new Paging(Take: 200));
        var walked = many.Items.Count;
        for (var page = many; page.NextCursor is { } next;)
        {
            page = await List(_portal.Owner, new NumberFilter(Search: "front desk"), new Paging(Take: 200, Cursor: next, WithTotal: false));
            walked += page.Items.Count;
        }

        Assert.Equal((131, false), (few.TotalCount, few.TotalIsCapped));
        Assert.Equal((ListNumbers.SearchCountLimit, true), (many.TotalCount, many.TotalIsCapped));
        Assert.Equal(1_020, walked);
        Assert.Equal((111, false), (some.TotalCount, some.TotalIsCapped));
    }

    /// <summary>
    /// More numbers match than the text index hands over (600 here): its first matches say "more than 500" when enough of
    /// them are in the list; when they lie in other accounts, the list is counted by a scan, exactly up to 500.
    /// </summary>
    [Fact]
    public async Task A_search_matching_more_than_the_text_index_reads_counts_exactly_to_500_wherever_its_first_matches_lie()
    {
        var lister = new ListNumbers(_db.Services.GetRequiredService<IPortalDbFactory>()) { TextIndexLimit = 600 };
        async Task<(int?, bool)> CountAsync(Actor actor)
        {
            var page = (await lister.HandleAsync(actor, new NumberFilter(Search: "front desk"), new Paging(Take: 50), Ct)).Succeeded();
            return (page.TotalCount, page.TotalIsCapped);
        }

        await _portal.InsertAsync([.. Enumerable.Range(0, 700).Select(i => Make(i, $"Front desk {i}", account: Cast.OtherAccountId))]);
        await _portal.InsertAsync([.. Enumerable.Range(700, 300).Select(i => Make(i, $"Front desk {i}"))]);
        var fewInTheOwnersAccount = await CountAsync(_portal.Owner);
        await _portal.InsertAsync([.. Enumerable.Range(1_000, 300).Select(i => Make(i, $"Front desk {i}"))]);

        Assert.Equal((300, false), fewInTheOwnersAccount);
        Assert.Equal((ListNumbers.SearchCountLimit, true), await CountAsync(_portal.Owner));
        Assert.Equal((ListNumbers.SearchCountLimit, true), await CountAsync(_portal.Reviewer));
    }

    /// <summary>
    /// The text index's first matches count only when they are in the list: not when a filter leaves them out, nor when the
    /// scan would not match them (the index folds the case of every letter, LIKE on SQLite only of A to Z).
    /// </summary>
    [Fact]
    public async Task The_text_index_first_matches_count_only_where_the_list_shows_them()
    {
        var lister = new ListNumbers(_db.Services.GetRequiredService<IPortalDbFactory>()) { TextIndexLimit = 600 };
        async Task<(int?, bool, int)> ListAsync(NumberFilter filter)
        {
            var page = (await lister.HandleAsync(_portal.Owner, filter, new Paging(Take: 50), Ct)).Succeeded();
            return (page.TotalCount, page.TotalIsCapped, page.Items.Count);
        }

        await _portal.InsertAsync([.. Enumerable.Range(0, 700).Select(i => Make(i, $"Front desk {i}", type: NumberType.Mobile))]);
        await _portal.InsertAsync([.. Enumerable.Range(700, 40).Select(i => Make(i, $"Front desk {i}"))]);
        await _portal.InsertAsync([.. Enumerable.Range(1_000, 700).Select(i => Make(i, $"ÉCOLE {i}"))]);

        Assert.Equal((40, false, 40), await ListAsync(new NumberFilter(Search: "front desk", Type: NumberType.Local)));
        Assert.Equal((ListNumbers.SearchCountLimit, true, 50), await ListAsync(new NumberFilter(Search: "front desk", Type: NumberType.Mobile)));
        var (total, capped, shown) = await ListAsync(new NumberFilter(Search: "école"));
        Assert.True(capped ? shown == 50 : total == shown, $"{total} numbers counted ({(capped ? "capped" : "exact")}) for {shown} listed");
    }

    private async Task AssertTotalsMatchRowsAsync()
    {
        await using var ctx = _db.NewContext();
        var rows = await ctx.PhoneNumbers.AsNoTracking().Select(n => new { n.AccountId, n.Status, n.CountryCode, n.Type }).ToListAsync(Ct);
        foreach (var (actor, account) in new[] { (_portal.Owner, Cast.AccountId), (_portal.Reviewer, (string?)null) })
        {
            var reached = rows.Where(r => account is null || r.AccountId == account).ToList();
            foreach (var status in Enum.GetValues<NumberStatus>())
            {
                Assert.Equal(reached.Count(r => r.Status == status), (await List(actor, new NumberFilter(Status: status))).TotalCount);
            }

            foreach (var type in Enum.GetValues<NumberType>())
            {
                foreach (var country in new[] { "US", "GB", "DE" })
                {
                    Assert.Equal(
                        reached.Count(r => r.Status != NumberStatus.Returned && r.Type == type && r.CountryCode == country),
                        (await List(actor, new NumberFilter(Country: country, Type: type))).TotalCount);
                }
            }

            Assert.Equal(reached.Count(r => r.Status != NumberStatus.Returned), (await List(actor, new NumberFilter())).TotalCount);
        }
    }

    /// <summary>The ids a search must find, worked out from every row: digits in the number when the text looks like one, else the label whatever the case.</summary>
    private async Task<List<string>> ContainingAsync(string text)
    {
        await using var ctx = _db.NewContext();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var looksLikeNumber = digits.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')');
        return [.. (await ctx.PhoneNumbers.AsNoTracking().Where(n => n.AccountId == Cast.AccountId && n.Status != NumberStatus.Returned).ToListAsync(Ct))
            .Where(n => n.Label.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase) || (looksLikeNumber && n.E164.Contains(digits, StringComparison.Ordinal)))
            .OrderBy(n => n.E164, StringComparer.Ordinal)
            .Select(n => n.Id)];
    }

    private PhoneNumber Make(int i, string label, string country = "US", NumberType type = NumberType.Local, string account = Cast.AccountId) =>
        new($"phn_tally{i:D3}", account, E164.From(country == "GB" ? $"+44207{i:D7}" : $"+1415555{i:D4}"), label, country, type, "Telnyx", new Money(115), _db.Now.AddDays(-400), _db.Now.AddDays(10));

    private async Task<Page<NumberRowView>> List(Actor actor, NumberFilter filter, Paging? paging = null) =>
        (await _db.Get<ListNumbers>().HandleAsync(actor, filter, paging ?? new Paging(Take: 200), Ct)).Succeeded();
}
