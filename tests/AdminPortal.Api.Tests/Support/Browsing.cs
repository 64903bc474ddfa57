using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdminPortal.Api.Tests.Support;

/// <summary>The portal's pages as a browser uses them: cookies kept, redirects shown rather than followed.</summary>
public static partial class Browsing
{
    public static HttpClient Browser(this ApiHost host, string baseAddress = "https://localhost") => host.Factory.Browser(baseAddress);

    /// <summary>A browser of one portal instance, when a test runs several.</summary>
    public static HttpClient Browser(this WebApplicationFactory<Program> instance, string baseAddress = "https://localhost") =>
        instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    /// <summary>Fills in and sends the sign-in form, as a person would, with the form's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password = Cast.Password, string? returnUrl = null)
    {
        var url = "/Account/Login" + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return await browser.PostFormAsync(url, "login", ["Input.Email", email], ["Input.Password", password]);
    }

    /// <summary>Signs a staff member in with both steps: the password, then the code their authenticator shows now.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(this HttpClient browser, ApiHost host, string email)
    {
        using var first = await browser.SignInAsync(email);
        Assert.StartsWith("/Account/LoginWith2fa?", first.Target());
        return await browser.SendCodeAsync(first.Target(), await host.AuthenticatorCodeAsync(email));
    }

    /// <summary>Signs out with the form of the page's menu; the browser keeps its other cookies.</summary>
    public static async Task SignOutAsync(this HttpClient browser)
    {
        var token = Token(await browser.PageAsync("/Account/Password"));
        using var signedOut = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    public static Task<HttpResponseMessage> SendCodeAsync(this HttpClient browser, string url, string code) =>
        browser.PostFormAsync(url, "second-factor", ["Input.Code", code]);

    /// <summary>Opens a page and sends its form <paramref name="handler"/> with the given fields and the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string url, string handler, params string[][] fields)
    {
        var fieldValues = new Dictionary<string, string> { ["_handler"] = handler, ["__RequestVerificationToken"] = Token(await browser.PageAsync(url)) };
        foreach (var field in fields)
        {
            fieldValues[field[0]] = field[1];
        }

        return await browser.PostAsync(url, new FormUrlEncodedContent(fieldValues), Ct);
    }

    /// <summary>Where a redirect leads, as a path and query.</summary>
    public static string Target(this HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString ?? string.Empty;

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
