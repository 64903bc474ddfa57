using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdminPortal.Api.Tests.Support;

/// <summary>The portal's pages as a browser uses them: cookies kept, redirects shown rather than followed.</summary>
public static partial class Browsing
{
    public static HttpClient Browser(this ApiHost host, string baseAddress = "https://localhost") =>
        host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    /// <summary>Fills in and sends the sign-in form, as a person would, with the form's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password = Cast.Password, string? returnUrl = null)
    {
        var url = "/Account/Login" + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await browser.GetStringAsync(url, Ct);
        return await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), Ct);
    }

    public static string Token(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    public static async Task<string> PageAsync(this HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
