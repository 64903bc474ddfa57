using AdminPortal.Web.Components.Pages.Numbers;
using Bunit;
using Microsoft.AspNetCore.Components;

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
        await AddNumbersAsync(scenario, from: 0, count: 5);
        SignIn(scenario.Owner);
        var few = Render<NumbersPage>();
        few.WaitForElements("[data-testid=numbers-grid] tbody tr", 5);
        var withFive = few.FindComponents<IComponent>().Count;

        await AddNumbersAsync(scenario, from: 5, count: 20);
        var full = Render<NumbersPage>();
        full.WaitForElements("[data-testid=numbers-grid] tbody tr", 25);

        Assert.Equal(withFive + 20, full.FindComponents<IComponent>().Count);
    }

    private async Task AddNumbersAsync(Scenario scenario, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await Db.Given().NumberAsync(scenario.AccountId, $"+1415555{i:0000}", shape: i % 3 == 0 ? n => n.MarkReleasePending() : null);
        }
    }
}
