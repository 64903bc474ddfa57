using System.Net;

namespace AdminPortal.Api.Tests.Security;

/// <summary>Passkeys as an attacker sees them: options only with the page's token, made-up credentials refused without a server error.</summary>
public sealed class PasskeyTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Refused = "That passkey was not accepted.";

    [Fact]
    public async Task Sign_in_options_are_given_only_with_the_pages_antiforgery_token_and_always_ask_for_the_screen_lock()
    {
        var browser = host.Browser();
        var token = Browsing.Token(await browser.PageAsync("/Account/Login"));

        using var withoutToken = await browser.PostAsync("/Account/PasskeyRequestOptions", null, Ct);
        using var withToken = await PostWithTokenAsync(browser, "/Account/PasskeyRequestOptions", token);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        var options = await withToken.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"challenge\"", options);
        Assert.Contains("\"userVerification\":\"required\"", options);
    }

    [Fact]
    public async Task Options_to_make_a_passkey_are_given_to_signed_in_users_only()
    {
        var browser = host.Browser();
        var token = Browsing.Token(await browser.PageAsync("/Account/Login"));

        using var anonymous = await PostWithTokenAsync(browser, "/Account/PasskeyCreationOptions", token);

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\"}}")]
    public async Task A_made_up_passkey_signs_nobody_in_and_is_answered_on_the_page(string credential)
    {
        foreach (var askedForOptions in new[] { false, true })
        {
            var browser = host.Browser();
            var page = await browser.PageAsync("/Account/Login");
            if (askedForOptions)
            {
                using var options = await PostWithTokenAsync(browser, "/Account/PasskeyRequestOptions", Browsing.Token(page));
                Assert.Equal(HttpStatusCode.OK, options.StatusCode);
            }

            using var answer = await browser.PostFormAsync("/Account/Login", "passkey", ["Passkey", credential]);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains(Refused, await answer.Content.ReadAsStringAsync(Ct));
            using var requests = await browser.GetAsync("/requests", Ct);
            Assert.StartsWith("/Account/Login?", requests.Target());
        }
    }

    [Fact]
    public async Task A_passkey_answer_over_64_KB_is_refused_unread()
    {
        using var answer = await host.Browser().PostFormAsync("/Account/Login", "passkey", ["Passkey", new string('a', 70_000)]);

        Assert.Contains(Refused, await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_made_up_attestation_adds_no_passkey()
    {
        var browser = host.Browser();
        using var _ = await browser.SignInAsync(Cast.StrangerEmail);

        using var answer = await browser.PostFormAsync("/Account/Passkeys", "add", ["Name", "Laptop"], ["Credential", "{}"]);

        Assert.Contains("The passkey could not be added", await answer.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-testid=\"no-passkeys\"", await browser.PageAsync("/Account/Passkeys"));
    }

    private static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient browser, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", token);
        return browser.SendAsync(request, Ct);
    }
}
