using System.Globalization;
using AdminPortal.Application.Common;
using AdminPortal.Application.Numbers;
using MudBlazor;

namespace AdminPortal.Web.Components.Shared;

/// <summary>
/// A data grid's pager over keyset paging: the next and previous pages come by cursor from the page shown and the last
/// page from the end of the list, so each is found by an index however deep it lies; only other jumps use an offset. The
/// total is counted once per query (filters, sort and page size) and kept while its pages are turned.
/// </summary>
public sealed class KeysetPaging<T>
{
    private object? _query;
    private int _index;
    private Paging? _paging;
    private Page<T>? _shown;
    private int _total;
    private bool _capped;

    /// <summary>The pager's summary: "more than" when the total was only counted up to a limit.</summary>
    public string InfoFormat => _capped
        ? "{first_item}-{last_item} of more than " + _total.ToString("N0", CultureInfo.CurrentCulture)
        : "{first_item}-{last_item} of {all_items}";

    /// <summary>How to load page <paramref name="index"/> of <paramref name="query"/> (a value compared by equality).</summary>
    public Paging For(object query, int index, int size)
    {
        if (_shown is null || !Equals(query, _query))
        {
            // A new sort or page size keeps the grid's page: deep in the list, that page is read from the end, as the
            // list refuses offsets that deep.
            return index * size > ListNumbers.MaxOffset ? new Paging(Take: size, FromEnd: true) : new Paging(index * size, size);
        }

        if (index == _index)
        {
            return _paging! with { WithTotal = true };
        }

        if (index == _index + 1 && _shown.NextCursor is { } next)
        {
            return new Paging(Take: size, Cursor: next, WithTotal: false);
        }

        if (index == _index - 1 && _shown.PreviousCursor is { } previous)
        {
            return new Paging(Take: size, Cursor: previous, WithTotal: false);
        }

        if (index > 0 && !_capped && index == (_total - 1) / size)
        {
            return new Paging(Take: _total - (index * size), WithTotal: false, FromEnd: true);
        }

        return new Paging(index * size, size, WithTotal: false);
    }

    /// <summary>Remembers the page loaded with <paramref name="paging"/> and gives it to the grid.</summary>
    public GridData<T> Show(object query, int index, int size, Paging paging, Page<T> page)
    {
        (_query, _index, _paging, _shown) = (query, index, paging, page);
        if (page.TotalCount is { } total)
        {
            (_total, _capped) = (total, page.TotalIsCapped);
        }

        // Past a capped total the pager must still offer the next page while there is one.
        var items = _capped ? Math.Max(_total + 1, (index * size) + page.Items.Count + (page.NextCursor is null ? 0 : 1)) : _total;
        return new GridData<T> { Items = page.Items, TotalItems = items };
    }

    /// <summary>Forgets the position, after a failed load.</summary>
    public GridData<T> Clear()
    {
        (_query, _paging, _shown, _total, _capped) = (null, null, null, 0, false);
        return new GridData<T> { Items = [], TotalItems = 0 };
    }
}
