using AdminPortal.Application.Common;
using AdminPortal.Web.Components.Shared;

namespace AdminPortal.Web.Tests.Shared;

public sealed class KeysetPagingTests
{
    private const int Size = 25;
    private static readonly object Query = ("filters", Size);

    [Fact]
    public void A_new_query_starts_by_offset_with_its_total()
    {
        Assert.Equal(new Paging(0, Size), new KeysetPaging<string>().For(Query, 0, Size));
    }

    [Fact]
    public void A_new_sort_deeper_than_the_offset_limit_reads_its_page_from_the_end_with_the_total()
    {
        var paging = Shown(new Page<string>(Rows(10), 50_010, null, "previous"), index: 2_000);

        Assert.Equal(new Paging(Take: Size, FromEnd: true), paging.For(("sorted otherwise", Size), 2_000, Size));
    }

    [Fact]
    public void The_next_and_previous_pages_come_by_cursor_without_counting_again()
    {
        var paging = Shown(new Page<string>(Rows(Size), 1_000, "next", "previous"), index: 3);

        Assert.Equal(new Paging(Take: Size, Cursor: "next", WithTotal: false), paging.For(Query, 4, Size));
        Assert.Equal(new Paging(Take: Size, Cursor: "previous", WithTotal: false), paging.For(Query, 2, Size));
    }

    [Fact]
    public void The_last_page_comes_from_the_end_with_only_the_rows_it_holds()
    {
        var paging = Shown(new Page<string>(Rows(Size), 1_010, "next", null), index: 0);

        Assert.Equal(new Paging(Take: 10, WithTotal: false, FromEnd: true), paging.For(Query, 40, Size));
    }

    [Fact]
    public void The_same_page_again_loads_as_it_did_and_counts_again()
    {
        var first = new Paging(Take: Size, Cursor: "after page 2", WithTotal: false);
        var paging = new KeysetPaging<string>();
        paging.Show(Query, 3, Size, first, new Page<string>(Rows(Size), null, "next", "previous"));

        Assert.Equal(first with { WithTotal = true }, paging.For(Query, 3, Size));
    }

    [Fact]
    public void Another_query_or_a_jump_falls_back_to_an_offset()
    {
        var paging = Shown(new Page<string>(Rows(Size), 1_000, "next", "previous"), index: 3);

        Assert.Equal(new Paging(100, Size), paging.For(("other filters", Size), 4, Size));
        Assert.Equal(new Paging(250, Size, WithTotal: false), paging.For(Query, 10, Size));
    }

    [Fact]
    public void A_capped_total_reads_more_than_and_keeps_a_next_page_while_there_is_one()
    {
        var paging = new KeysetPaging<string>();
        var first = paging.Show(Query, 0, Size, new Paging(0, Size), new Page<string>(Rows(Size), 500, "next", null, TotalIsCapped: true));
        var deep = paging.Show(Query, 30, Size, new Paging(Take: Size, Cursor: "c", WithTotal: false), new Page<string>(Rows(Size), null, "next", "previous"));
        var end = paging.Show(Query, 31, Size, new Paging(Take: Size, Cursor: "d", WithTotal: false), new Page<string>(Rows(3), null, null, "previous"));

        Assert.Equal(501, first.TotalItems);
        Assert.Equal((31 * Size) + 1, deep.TotalItems);
        Assert.Equal((31 * Size) + 3, end.TotalItems);
        Assert.Equal("{first_item}-{last_item} of more than 500", paging.InfoFormat);
    }

    private static KeysetPaging<string> Shown(Page<string> page, int index)
    {
        var paging = new KeysetPaging<string>();
        paging.Show(Query, index, Size, new Paging(index * Size, Size), page);
        return paging;
    }

    private static string[] Rows(int count) => [.. Enumerable.Range(0, count).Select(i => $"row {i}")];
}
