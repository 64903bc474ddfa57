namespace AdminPortal.Application.Common;

/// <summary>One page of a list: <see cref="TotalCount"/> for offset paging, <see cref="NextCursor"/> for keyset paging.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int? TotalCount, string? NextCursor);

/// <summary>Where a page starts: an offset (pages with a total) or an opaque cursor from the previous page.</summary>
public sealed record Paging(int Skip = 0, int Take = Paging.DefaultTake, string? Cursor = null, bool WithTotal = true)
{
    public const int DefaultTake = 50;

    public const int MaxTake = 200;

    public int Limit => Math.Clamp(Take, 1, MaxTake);
}
