using AdminPortal.Domain.Audit;
using AdminPortal.Web.Components.Pages.Audit;
using AdminPortal.Web.Components.Pages.Numbers;
using Bunit;

namespace AdminPortal.Web.Tests.Pages;

public sealed class FilterTests : PageTest
{
    private Scenario _scenario = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await Scenario.CreateAsync(Db);
    }

    [Fact]
    public async Task Numbers_search_waits_for_a_pause_in_typing_then_lists_only_the_matching_numbers()
    {
        await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        await Db.Given().NumberAsync(_scenario.AccountId, "+13125550002");
        SignIn(_scenario.Owner);
        var cut = Render<NumbersPage>();
        cut.WaitForElements("[data-testid=numbers-grid] tbody tr", 2);

        cut.Find("[data-testid=filter-search]").Input("312 555");
        Assert.Equal(2, Rows(cut).Count);
        Db.Clock.Advance(TimeSpan.FromMilliseconds(300));

        cut.WaitForAssertion(() => Assert.Equal(["+13125550002"], Rows(cut).Select(r => r.QuerySelector("a")!.TextContent)));
    }

    [Fact]
    public async Task Numbers_country_filter_applies_once_two_letters_are_typed_without_leaving_the_field()
    {
        await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        SignIn(_scenario.Owner);
        var cut = Render<NumbersPage>();
        cut.WaitForAssertion(() => Assert.Contains("+14155550001", cut.Find("[data-testid=numbers-grid] tbody").TextContent));

        cut.Find("[data-testid=filter-country]").Input("c");
        Db.Clock.Advance(TimeSpan.FromMilliseconds(300));
        cut.Find("[data-testid=filter-country]").Input("ca");
        Db.Clock.Advance(TimeSpan.FromMilliseconds(300));

        cut.WaitForAssertion(() => Assert.DoesNotContain("+14155550001", cut.Find("[data-testid=numbers-grid] tbody").TextContent));
        cut.Find("[data-testid=filter-country]").Input("us");
        Db.Clock.Advance(TimeSpan.FromMilliseconds(300));
        cut.WaitForAssertion(() => Assert.Contains("+14155550001", cut.Find("[data-testid=numbers-grid] tbody").TextContent));
    }

    [Fact]
    public async Task Numbers_for_staff_lists_every_account_with_an_account_column()
    {
        await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        await Db.Given().NumberAsync(Cast.OtherAccountId, "+14155550999");
        SignIn(_scenario.Reviewer);

        var cut = Render<NumbersPage>();

        var rows = cut.WaitForElements("[data-testid=numbers-grid] tbody tr", 2);
        Assert.Contains(Cast.AccountId, rows[0].TextContent);
        Assert.Contains(Cast.OtherAccountId, rows[1].TextContent);
        Assert.Contains("Account", cut.Find("[data-testid=numbers-grid] thead").TextContent);
    }

    [Fact]
    public async Task Audit_offers_actions_in_words_and_filters_by_the_chosen_one()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001", shape: n => n.AttachAgent(new("agt_1", "Bot")));
        await Db.Get<Application.Numbers.DetachAgent>().HandleAsync(_scenario.Owner, Application.Common.NumberKey.ById(number.Id), "agt_1", Ct);
        await Scenario.RequestAsync(Db, _scenario.Owner, number);
        SignIn(_scenario.Reviewer);
        var cut = Render<AuditPage>();
        cut.WaitForElements("[data-testid=audit-grid] tbody tr", 2);

        cut.Find("[role=combobox][aria-label=Action]").MouseDown();
        var choice = Overlays.WaitForElements("[role=option]").First(o => o.TextContent.Trim() == Components.Shared.Format.Action(AuditAction.AgentDetached));
        choice.Click();

        cut.WaitForAssertion(() => Assert.Single(Rows(cut, "audit-grid")));
        Assert.Contains(Components.Shared.Format.Action(AuditAction.AgentDetached), Rows(cut, "audit-grid")[0].TextContent);
    }

    [Fact]
    public async Task Every_filter_of_the_numbers_and_audit_pages_has_a_name_a_screen_reader_announces()
    {
        await Db.Given().AccountAsync("acc_third", _scenario.Owner);
        SignIn(_scenario.Reviewer);

        foreach (var page in new[] { Render<NumbersPage>().Find("[role=search]"), Render<AuditPage>().Find("[role=search]") })
        {
            var controls = page.QuerySelectorAll("[role=combobox], input:not([type=hidden]):not([tabindex='-1'])");
            Assert.True(controls.Length >= 5);
            Assert.All(controls, control => Assert.False(string.IsNullOrWhiteSpace(AccessibleName(page, control)), control.OuterHtml));
        }
    }

    /// <summary>The name from aria-labelledby, else aria-label, else a label for the control's id.</summary>
    private static string? AccessibleName(AngleSharp.Dom.IElement scope, AngleSharp.Dom.IElement control)
    {
        if (control.GetAttribute("aria-labelledby") is { } labelledBy)
        {
            return scope.QuerySelector($"#{labelledBy}")?.TextContent;
        }

        if (control.GetAttribute("aria-label") is { } label)
        {
            return label;
        }

        return control.Id is null ? null : scope.QuerySelector($"label[for='{control.Id}']")?.TextContent;
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string grid = "numbers-grid") =>
        cut.FindAll($"[data-testid={grid}] tbody tr");
}
