using AdminPortal.Web.Components.Pages.Numbers;
using Bunit;
using AdminPortal.Application.Numbers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Web.Tests.Pages;

/// <summary>
/// Every component a page shows is kept, with its render trees, in each open circuit (docs/performance.md, circuits):
/// the grids show their cells as markup, so a row costs only the one component the grid wraps it in.
/// </summary>
public sealed class CircuitWeightTests : PageTest
{
    [Fact]
    public async Task Twenty_more_rows_on_the_numbers_page_add_twenty_components_one_per_row()
    {
        var scenario = await Scenario.CreateAsync(Db);
        SignIn(scenario.Owner);
        var withFive = (await ShownAsync(scenario, from: 0, count: 5)).FindComponents<IComponent>().Count;

        var full = await ShownAsync(scenario, from: 5, count: 20);

        Assert.Equal(withFive + 20, full.FindComponents<IComponent>().Count);
    }

    [Fact]
    public async Task The_numbers_page_rendered_again_gives_its_columns_the_same_properties_so_none_is_compiled_again()
    {
        var scenario = await Scenario.CreateAsync(Db);
        SignIn(scenario.Owner);
        var page = await ShownAsync(scenario, from: 0, count: 3);
        var before = Properties(page);

        page.Find("[data-testid=select-page]").Change(true);

        page.WaitForAssertion(() => Assert.Equal("3 selected", page.Find("[data-testid=selected-count]").TextContent));
        Assert.Equal(8, before.Count);
        Assert.Equal(before, Properties(page), ReferenceEqualityComparer.Instance);
    }

    /// <summary>The property expression of each of the grid's property columns, whatever the property's type.</summary>
    private static List<object> Properties(IRenderedComponent<NumbersPage> page) =>
        page.FindComponents<Column<NumberRowView>>()
            .Select(c => c.Instance.GetType().GetProperty(nameof(PropertyColumn<NumberRowView, string>.Property))?.GetValue(c.Instance))
            .OfType<object>()
            .ToList();

    /// <summary>Adds <paramref name="count"/> numbers and renders the page until it shows every number added so far.</summary>
    private async Task<IRenderedComponent<NumbersPage>> ShownAsync(Scenario scenario, int from, int count)
    {
        await AddNumbersAsync(scenario, from, count);
        var page = Render<NumbersPage>();
        page.WaitForElements("[data-testid=numbers-grid] tbody tr", from + count);
        return page;
    }

    private async Task AddNumbersAsync(Scenario scenario, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await Db.Given().NumberAsync(scenario.AccountId, $"+1415555{i:0000}", shape: i % 3 == 0 ? n => n.MarkReleasePending() : null);
        }
    }
}
