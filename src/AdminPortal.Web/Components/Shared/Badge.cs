using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Web.Components.Shared;

/// <summary>
/// A status as a coloured label. Markup rather than a component: a grid shows one per row, and every component of a
/// page is kept, with its render trees, in each open circuit.
/// </summary>
public static class Badge
{
    public static RenderFragment For(NumberStatus status) => Label(Format.Color(status), Format.Status(status));

    public static RenderFragment For(ReleaseRequestStatus status) => Label(Format.Color(status), status.ToString());

    private static RenderFragment Label(Color tone, string text) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"status-badge tone-{tone.ToString().ToLowerInvariant()}");
        builder.AddAttribute(2, "data-testid", "status-badge");
        builder.AddContent(3, text);
        builder.CloseElement();
    };
}
