using AdminPortal.Web.Components.Layout;
using Bunit;

namespace AdminPortal.Web.Tests.Layout;

/// <summary>The layout around every page: a page that fails says so in place, and the navigation keeps working.</summary>
public sealed class MainLayoutTests : PageTest
{
    [Fact]
    public void A_page_that_fails_shows_a_message_with_a_reload_link_inside_the_layout()
    {
        // Not SignIn: it renders the overlay providers beside the page, which the layout renders itself.
        AddAuthorization();
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var layout = Render<MainLayout>(p => p.Add<Failing>(l => l.Body));

        var failed = layout.Find("[data-testid=page-failed]");
        Assert.Contains("unexpected error", failed.TextContent);
        Assert.NotNull(failed.QuerySelector("a[data-reload]"));
        Assert.NotEmpty(layout.FindAll("[data-testid=theme-toggle]"));
    }
}
