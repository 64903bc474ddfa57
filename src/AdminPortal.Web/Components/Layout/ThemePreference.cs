using MudBlazor;

namespace AdminPortal.Web.Components.Layout;

/// <summary>The light or dark theme a person chose, remembered in a cookie so that the first render already has it.</summary>
public static class ThemePreference
{
    public const string CascadeName = "DarkMode";
    public const string CookieName = "portal.theme";

    public static bool IsDark(HttpContext? http) => http?.Request.Cookies[CookieName] == "dark";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            AppbarBackground = "#1f4e79",
            Secondary = "#8a4b08",
            TextSecondary = "#5f6b7a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cc2f2",
            AppbarBackground = "#14324f",
            Secondary = "#f0b060",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
