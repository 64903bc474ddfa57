namespace AdminPortal.Application.Common;

/// <summary>
/// One page of a list: <see cref="TotalCount"/> for offset paging (more than that many when <see cref="TotalIsCapped"/>),
/// <see cref="NextCursor"/> and <see cref="PreviousCursor"/> for keyset paging.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? TotalCount, string? NextCursor, string? PreviousCursor = null, bool TotalIsCapped = false);

/// <summary>
/// Where a page starts: an offset (pages with a total), an opaque cursor from a neighbouring page, or the end of the list
/// (<see cref="FromEnd"/>: the last <see cref="Take"/> items, for a pager's "last page").
/// </summary>
public sealed record Paging(int Skip = 0, int Take = Paging.DefaultTake, string? Cursor = null, bool WithTotal = true, bool FromEnd = false)
{
    public const int DefaultTake = 50;

    public const int MaxTake = 200;

    public int Limit => Math.Clamp(Take, 1, MaxTake);
}
