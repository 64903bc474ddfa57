using AdminPortal.Application.Common;
using MudBlazor;

namespace AdminPortal.Web.Components.Shared;

public static class GridExtensions
{
    /// <summary>Changed filters start again at the first page; on it, the page is simply loaded again.</summary>
    public static Task ReloadFromFirstPageAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null)
        {
            return Task.CompletedTask;
        }

        if (grid.CurrentPage == 0)
        {
            return grid.ReloadServerData();
        }

        grid.NavigateTo(Page.First);
        return Task.CompletedTask;
    }

    /// <summary>The grid's page as the use cases' paging.</summary>
    public static Paging ToPaging<T>(this GridState<T> state) => new(state.Page * state.PageSize, state.PageSize);

    public static GridData<T> AsGridData<T>(this (IReadOnlyList<T> Items, int Count) page) => new() { Items = page.Items, TotalItems = page.Count };
}
