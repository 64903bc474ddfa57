using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Numbers;

public sealed class ListNumbersTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Portal _portal = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _portal = await Portal.CreateAsync(_db);
        var now = _db.Now;
        PhoneNumber Make(string id, string e164, string label, string country, NumberType type, int daysAgo, long priceCents, string account = Cast.AccountId) =>
            new(id, account, E164.From(e164), label, country, type, "Telnyx", new Money(priceCents), now.AddDays(-daysAgo), now.AddDays(10));

        var pending = Make("phn_list09", "+12125550109", "Pending desk", "US", NumberType.Local, 300, 115);
        pending.MarkReleasePending();
        var released = Make("phn_list07", "+12125550107", "Night support", "US", NumberType.Local, 500, 115);
        released.MarkReleasePending();
        released.Release(now, ReleaseTerms.Default);
        var returned = Make("phn_list08", "+12125550108", "Old fax", "US", NumberType.Local, 900, 115);
        returned.MarkReleasePending();
        returned.Release(now.AddDays(-40), ReleaseTerms.Default);
        returned.ReturnToInventory(now.AddDays(-10));

        await _portal.InsertAsync(
            Make("phn_list01", "+14155550101", "Support line", "US", NumberType.Local, 400, 115).Provision(agents: [new AttachedAgent("agt_1", "Support Bot"), new AttachedAgent("agt_2", "Sales Line")]),
            Make("phn_list02", "+14155550102", "Sales hotline", "US", NumberType.TollFree, 200, 200),
            Make("phn_list03", "+442071838750", "London office", "GB", NumberType.Local, 100, 150),
            Make("phn_list04", "+447700900123", "UK mobile", "GB", NumberType.Mobile, 50, 300),
            Make("phn_list05", "+4930123456", "Berlin desk", "DE", NumberType.Local, 30, 120),
            Make("phn_list06", "+14155550106", "Line 12", "US", NumberType.Local, 10, 115),
            released,
            returned,
            pending,
            Make("phn_list99", "+14155550199", "Stranger line", "US", NumberType.Local, 10, 115, Cast.OtherAccountId));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_owner_sees_its_accounts_numbers_in_number_order_without_the_returned_ones()
    {
        var page = await List(new NumberFilter());

        Assert.Equal(["+12125550107", "+12125550109", "+14155550101", "+14155550102", "+14155550106", "+442071838750", "+447700900123", "+4930123456"], page.Items.Select(n => n.E164));
        Assert.Equal(8, page.TotalCount);
    }

    [Fact]
    public async Task Each_row_carries_what_the_list_shows()
    {
        var row = Assert.Single((await List(new NumberFilter(Search: "+1 415 555 0101"))).Items);

        Assert.Equal(("phn_list01", "Support line", "US", NumberType.Local, NumberStatus.Active, new Money(115), 2), (row.Id, row.Label, row.CountryCode, row.Type, row.Status, row.MonthlyPrice, row.AgentCount));
    }

    [Theory]
    [InlineData(NumberStatus.Active, new[] { "phn_list01", "phn_list02", "phn_list03", "phn_list04", "phn_list05", "phn_list06" })]
    [InlineData(NumberStatus.ReleasePending, new[] { "phn_list09" })]
    [InlineData(NumberStatus.Released, new[] { "phn_list07" })]
    [InlineData(NumberStatus.Returned, new[] { "phn_list08" })]
    public async Task Numbers_can_be_filtered_by_status_including_returned_ones(NumberStatus status, string[] ids)
    {
        Assert.Equal(ids, (await List(new NumberFilter(Status: status))).Items.Select(n => n.Id).Order());
    }

    [Fact]
    public async Task Numbers_can_be_filtered_by_country_in_any_case_and_by_type()
    {
        Assert.Equal(["phn_list03", "phn_list04"], (await List(new NumberFilter(Country: " gb "))).Items.Select(n => n.Id));
        Assert.Equal(["phn_list02"], (await List(new NumberFilter(Type: NumberType.TollFree))).Items.Select(n => n.Id));
        Assert.Equal(["phn_list04"], (await List(new NumberFilter(Country: "GB", Type: NumberType.Mobile))).Items.Select(n => n.Id));
    }

    [Fact]
    public async Task Searching_digits_in_any_format_finds_numbers_containing_them()
    {
        Assert.Equal(["phn_list01", "phn_list02", "phn_list06"], (await List(new NumberFilter(Search: "415-555-01"))).Items.Select(n => n.Id));
        Assert.Equal(["phn_list03"], (await List(new NumberFilter(Search: "+44 20 7183"))).Items.Select(n => n.Id));
    }

    [Fact]
    public async Task Searching_text_finds_numbers_by_part_of_their_label_whatever_the_case()
    {
        Assert.Equal(["phn_list07", "phn_list01"], (await List(new NumberFilter(Search: "support"))).Items.Select(n => n.Id));
        Assert.Equal(["phn_list03"], (await List(new NumberFilter(Search: "LONDON"))).Items.Select(n => n.Id));
    }

    [Fact]
    public async Task Searching_a_label_that_contains_digits_finds_that_label_not_every_number_containing_the_digits()
    {
        Assert.Equal(["phn_list06"], (await List(new NumberFilter(Search: "Line 12"))).Items.Select(n => n.Id));
    }

    [Theory]
    [InlineData(NumberSort.Label, false, new[] { "Berlin desk", "Line 12", "London office", "Night support", "Pending desk", "Sales hotline", "Support line", "UK mobile" })]
    [InlineData(NumberSort.Label, true, new[] { "UK mobile", "Support line", "Sales hotline", "Pending desk", "Night support", "London office", "Line 12", "Berlin desk" })]
    [InlineData(NumberSort.PurchasedAt, false, new[] { "Night support", "Support line", "Pending desk", "Sales hotline", "London office", "UK mobile", "Berlin desk", "Line 12" })]
    [InlineData(NumberSort.MonthlyPrice, true, new[] { "UK mobile", "Sales hotline", "London office", "Berlin desk", "Line 12", "Support line", "Pending desk", "Night support" })]
    [InlineData(NumberSort.Country, false, new[] { "Berlin desk", "London office", "UK mobile", "Night support", "Pending desk", "Support line", "Sales hotline", "Line 12" })]
    [InlineData(NumberSort.E164, true, new[] { "Berlin desk", "UK mobile", "London office", "Line 12", "Sales hotline", "Support line", "Pending desk", "Night support" })]
    public async Task Numbers_are_sorted_by_the_chosen_column_with_the_number_breaking_ties_in_the_same_direction(NumberSort sort, bool descending, string[] labels)
    {
        Assert.Equal(labels, (await List(new NumberFilter(Sort: sort, Descending: descending))).Items.Select(n => n.Label));
    }

    [Fact]
    public async Task Offset_pages_together_give_the_whole_list_once()
    {
        var all = (await List(new NumberFilter())).Items.Select(n => n.Id).ToList();

        var pages = new List<string>();
        for (var skip = 0; skip < all.Count; skip += 3)
        {
            var page = await List(new NumberFilter(), new Paging(Skip: skip, Take: 3));
            Assert.Equal(all.Count, page.TotalCount);
            pages.AddRange(page.Items.Select(n => n.Id));
        }

        Assert.Equal(all, pages);
    }

    [Fact]
    public async Task Keyset_pages_followed_by_their_cursor_give_the_whole_list_once_and_the_last_page_has_no_cursor()
    {
        var all = (await List(new NumberFilter())).Items.Select(n => n.Id).ToList();

        var walked = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await List(new NumberFilter(), new Paging(Take: 3, Cursor: cursor, WithTotal: false));
            walked.AddRange(page.Items.Select(n => n.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(all, walked);
        Assert.Equal(3, pages);
    }

    public static TheoryData<NumberSort, bool> Sorts => new(Enum.GetValues<NumberSort>().SelectMany(s => new[] { (s, false), (s, true) }));

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Pages_walked_forwards_by_cursor_and_backwards_from_the_last_give_the_whole_list_once_in_every_sort(NumberSort sort, bool descending)
    {
        var filter = new NumberFilter(Sort: sort, Descending: descending);
        var all = (await List(filter)).Items.Select(n => n.Id).ToList();

        var forwards = new List<string>();
        var page = await List(filter, new Paging(Take: 3));
        forwards.AddRange(page.Items.Select(n => n.Id));
        while (page.NextCursor is { } next && forwards.Count <= all.Count)
        {
            page = await List(filter, new Paging(Take: 3, Cursor: next, WithTotal: false));
            forwards.AddRange(page.Items.Select(n => n.Id));
        }

        var backwards = new List<string>();
        page = await List(filter, new Paging(Take: 2, FromEnd: true, WithTotal: false));
        backwards.InsertRange(0, page.Items.Select(n => n.Id));
        Assert.Null(page.NextCursor);
        while (page.PreviousCursor is { } previous && backwards.Count <= all.Count)
        {
            page = await List(filter, new Paging(Take: 3, Cursor: previous, WithTotal: false));
            backwards.InsertRange(0, page.Items.Select(n => n.Id));
        }

        Assert.Equal(8, all.Count);
        Assert.Equal(all, forwards);
        Assert.Equal(all, backwards);
    }

    [Fact]
    public async Task A_page_reached_backwards_leads_forwards_to_the_page_it_came_from()
    {
        var first = await List(new NumberFilter(), new Paging(Take: 3));
        var second = await List(new NumberFilter(), new Paging(Take: 3, Cursor: first.NextCursor));
        var back = await List(new NumberFilter(), new Paging(Take: 3, Cursor: second.PreviousCursor));
        var again = await List(new NumberFilter(), new Paging(Take: 3, Cursor: back.NextCursor));

        Assert.Null(first.PreviousCursor);
        Assert.Equal(first.Items, back.Items);
        Assert.Null(back.PreviousCursor);
        Assert.Equal(second.Items, again.Items);
    }

    [Fact]
    public async Task An_offset_deeper_than_10000_rows_is_refused_with_the_way_to_get_there()
    {
        var deepest = await _db.Get<ListNumbers>().HandleAsync(_portal.Owner, new NumberFilter(), new Paging(Skip: ListNumbers.MaxOffset), Ct);
        var deeper = await _db.Get<ListNumbers>().HandleAsync(_portal.Owner, new NumberFilter(), new Paging(Skip: ListNumbers.MaxOffset + 1), Ct);

        Assert.Empty(deepest.Succeeded().Items);
        Assert.Contains("last page", deeper.Failed(Errors.OffsetTooDeep).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyset_cursor_keeps_the_filter()
    {
        var first = await List(new NumberFilter(Country: "US"), new Paging(Take: 2));
        var second = await List(new NumberFilter(Country: "US"), new Paging(Take: 2, Cursor: first.NextCursor));

        Assert.Equal(["phn_list07", "phn_list09"], first.Items.Select(n => n.Id));
        Assert.Equal(["phn_list01", "phn_list02"], second.Items.Select(n => n.Id));
        Assert.NotNull(second.NextCursor);
    }

    [Fact]
    public async Task A_full_page_that_is_also_the_last_page_has_no_cursor()
    {
        var page = await List(new NumberFilter(Country: "GB"), new Paging(Take: 2));

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData("not a cursor", NumberSort.E164, false)]
    [InlineData(null, NumberSort.Label, false)]
    [InlineData(null, NumberSort.E164, true)]
    [InlineData("cGhuX2xpc3QwMQ", NumberSort.E164, false)]
    public async Task A_cursor_that_is_not_valid_or_used_with_another_sort_gives_INVALID_CURSOR(string? cursor, NumberSort sort, bool descending)
    {
        var valid = (await List(new NumberFilter(), new Paging(Take: 2))).NextCursor;

        var result = await _db.Get<ListNumbers>().HandleAsync(_portal.Owner, new NumberFilter(Sort: sort, Descending: descending), new Paging(Cursor: cursor ?? valid), Ct);

        result.Failed(Errors.InvalidCursor);
    }

    [Fact]
    public async Task Staff_see_every_accounts_numbers_and_can_narrow_to_one_account()
    {
        var all = await _db.Get<ListNumbers>().HandleAsync(_portal.Reviewer, new NumberFilter(), new Paging(), Ct);
        var other = await _db.Get<ListNumbers>().HandleAsync(_portal.Reviewer, new NumberFilter(AccountId: Cast.OtherAccountId), new Paging(), Ct);

        Assert.Equal(9, all.Succeeded().TotalCount);
        Assert.Equal(["phn_list99"], other.Succeeded().Items.Select(n => n.Id));
    }

    [Fact]
    public async Task Take_is_limited_to_200_rows_a_page()
    {
        Assert.Equal(200, new Paging(Take: 100_000).Limit);
        Assert.Equal(1, new Paging(Take: 0).Limit);
        Assert.Equal(8, (await List(new NumberFilter(), new Paging(Take: 100_000))).Items.Count);
    }

    private async Task<Page<NumberRowView>> List(NumberFilter filter, Paging? paging = null) =>
        (await _db.Get<ListNumbers>().HandleAsync(_portal.Owner, filter, paging ?? new Paging(), Ct)).Succeeded();
}
