using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Numbers;

/// <summary>
/// A status filter with a sort by label, purchase date or price is served three ways (the status's numbers sorted, a walk
/// along the sort's index, a walk that falls short and then the sort), and staff's by price over every account a fourth
/// (read in order from an index of its own): each must give the same pages as the rows say.
/// </summary>
public sealed class StatusFilterWithSortTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Portal _portal = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _portal = await Portal.CreateAsync(_db);
        var numbers = Enumerable.Range(0, 60).Select(i =>
        {
            // Pending numbers are the cheapest and the oldest, so they bunch at one end of the price and date orders,
            // and spread along the label order; the labels repeat, so ties are broken by the number. Some of each status
            // are in another account, which only staff see.
            var pending = i % 4 == 0;
            var number = new PhoneNumber(
                $"phn_sws{i:D3}", i % 10 is 8 or 9 ? Cast.OtherAccountId : Cast.AccountId, E164.From($"+1415555{(i * 37 % 100):D2}{i:D2}"),
                $"Desk {i % 7}", "US", NumberType.Local, "Telnyx", new Money(pending ? 100 : 100 + (i % 5 * 25)), _db.Now.AddDays(-(pending ? 900 + i : i)), _db.Now.AddDays(10));
            if (pending)
            {
                number.MarkReleasePending();
            }

            return number;
        });
        await _portal.InsertAsync([.. numbers]);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public static TheoryData<string, NumberSort, bool> Cases => new(
        from way in new[] { "sorted", "walked", "walked too short a stretch" }
        from sort in new[] { NumberSort.Label, NumberSort.PurchasedAt, NumberSort.MonthlyPrice }
        from down in new[] { false, true }
        select (way, sort, down));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Pages_of_a_status_in_another_sort_are_the_rows_of_that_status_in_that_order_whichever_way_they_are_found(string way, NumberSort sort, bool descending)
    {
        var list = way switch
        {
            "sorted" => Lister(int.MaxValue, 0),
            "walked" => Lister(0, 1_000),
            _ => Lister(0, 6),
        };
        foreach (var (actor, status) in new[] { (_portal.Owner, NumberStatus.ReleasePending), (_portal.Reviewer, NumberStatus.ReleasePending), (_portal.Owner, NumberStatus.Active) })
        {
            var filter = new NumberFilter(Status: status, Sort: sort, Descending: descending);
            var expected = await ExpectedAsync(actor == _portal.Owner ? Cast.AccountId : null, status, sort, descending);

            var forwards = new List<string>();
            var page = (await list.HandleAsync(actor, filter, new Paging(Take: 4), Ct)).Succeeded();
            Assert.Equal(expected.Count, page.TotalCount);
            Assert.Null(page.PreviousCursor);
            forwards.AddRange(page.Items.Select(n => n.Id));
            while (page.NextCursor is { } next && forwards.Count <= expected.Count)
            {
                page = (await list.HandleAsync(actor, filter, new Paging(Take: 4, Cursor: next, WithTotal: false), Ct)).Succeeded();
                forwards.AddRange(page.Items.Select(n => n.Id));
            }

            Assert.NotEmpty(page.Items);
            var backwards = new List<string>();
            page = (await list.HandleAsync(actor, filter, new Paging(Take: 3, FromEnd: true, WithTotal: false), Ct)).Succeeded();
            Assert.Null(page.NextCursor);
            backwards.InsertRange(0, page.Items.Select(n => n.Id));
            while (page.PreviousCursor is { } previous && backwards.Count <= expected.Count)
            {
                page = (await list.HandleAsync(actor, filter, new Paging(Take: 3, Cursor: previous, WithTotal: false), Ct)).Succeeded();
                backwards.InsertRange(0, page.Items.Select(n => n.Id));
            }

            var offset = (await list.HandleAsync(actor, filter, new Paging(Skip: 5, Take: 4), Ct)).Succeeded();

            Assert.Equal(expected, forwards);
            Assert.Equal(expected, backwards);
            Assert.Equal(expected.Skip(5).Take(4), offset.Items.Select(n => n.Id));
        }
    }

    private ListNumbers Lister(int sortedStatusLimit, int walkBudget) =>
        new(_db.Services.GetRequiredService<IPortalDbFactory>()) { SortedStatusLimit = sortedStatusLimit, WalkBudget = walkBudget };

    /// <summary>The ids of the status's numbers in the sort, worked out from every row (ordinal text, as the columns are collated).</summary>
    private async Task<List<string>> ExpectedAsync(string? account, NumberStatus status, NumberSort sort, bool descending)
    {
        await using var ctx = _db.NewContext();
        var rows = ctx.PhoneNumbers.AsEnumerable().Where(n => n.Status == status && (account is null || n.AccountId == account)).ToList();
        var sorted = sort switch
        {
            NumberSort.Label => rows.OrderBy(n => n.Label, StringComparer.Ordinal),
            NumberSort.PurchasedAt => rows.OrderBy(n => n.PurchasedAt),
            _ => rows.OrderBy(n => n.MonthlyPriceCents),
        };
        var ordered = sorted.ThenBy(n => n.E164, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).Select(n => n.Id).ToList();
        if (descending)
        {
            ordered.Reverse();
        }

        return ordered;
    }
}
