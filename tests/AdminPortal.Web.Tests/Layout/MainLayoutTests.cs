using AdminPortal.Web.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AdminPortal.Web.Tests.Layout;

/// <summary>The layout around every page: a page that fails says so in place, and the navigation keeps working.</summary>
public sealed class MainLayoutTests : PageTest
{
    [Fact]
    public void A_page_that_fails_shows_a_message_with_a_reload_link_inside_the_layout()
    {
        // Not SignIn: it renders the overlay providers beside the page, which the layout renders itself.
        AddAuthorization();
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var layout = Render<MainLayout>(p => p.Add<Failing>(l => l.Body));

        var failed = layout.Find("[data-testid=page-failed]");
        Assert.Contains("unexpected error", failed.TextContent);
        Assert.NotNull(failed.QuerySelector("a[data-reload]"));
        Assert.NotEmpty(layout.FindAll("[data-testid=theme-toggle]"));
    }

    [Fact]
    public void Before_the_circuit_is_live_a_page_shows_that_it_is_loading_rather_than_an_empty_list()
    {
        AddAuthorization();
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var layout = Render<MainLayout>(p => p.SetAssignedRenderMode(RenderMode.InteractiveServer).Add<EmptyList>(l => l.Body));

        Assert.NotNull(layout.Find("[data-testid=page-loading]"));
        Assert.Empty(layout.FindAll("[data-testid=empty-list]"));
    }

    [Fact]
    public void Once_the_circuit_is_live_the_page_itself_shows()
    {
        AddAuthorization();
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var layout = Render<MainLayout>(p => p.SetAssignedRenderMode(RenderMode.InteractiveServer).Add<EmptyList>(l => l.Body));

        Assert.NotNull(layout.Find("[data-testid=empty-list]"));
        Assert.Empty(layout.FindAll("[data-testid=page-loading]"));
    }
}
