using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.Security;

/// <summary>Sign-in as an attacker sees it: nothing told apart, failures throttled, return addresses kept on the site.</summary>
public sealed class SignInTests
{
    private const string WrongPassword = "Wrong email or password. Check both and try again.";

    [Fact]
    public async Task A_locked_account_is_refused_with_the_same_words_as_a_wrong_password()
    {
        await using var host = await ApiHost.StartAsync([]);
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            // As after five wrong codes at the second step.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(Cast.OwnerEmail))!, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded);
        }

        using var locked = await host.Browser().SignInAsync(Cast.OwnerEmail);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var page = await locked.Content.ReadAsStringAsync(Ct);
        Assert.Contains(WrongPassword, page);
        Assert.DoesNotContain("locked", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_address_costs_a_password_check_like_a_known_one()
    {
        var hasher = new CountingHasher();
        await using var host = await ApiHost.StartAsync([], services => services.AddSingleton<IPasswordHasher<PortalUser>>(hasher));
        hasher.Verified = 0;

        using var known = await host.Browser().SignInAsync(Cast.OwnerEmail, "not the password at all");
        var knownChecks = hasher.Verified;
        using var unknown = await host.Browser().SignInAsync("nobody.here@example.com", "not the password at all");

        Assert.Equal(1, knownChecks);
        Assert.Equal(2, hasher.Verified);
        Assert.Contains(WrongPassword, await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Failed_sign_ins_for_one_user_name_are_throttled_with_429_known_user_or_not()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerUser"] = "3", ["Security:SignInFailuresPerAddress"] = "100" });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var _ = await host.Browser().SignInAsync("guessed.name@example.com", "a wrong password here");
        }

        using var throttled = await host.Browser().SignInAsync("guessed.name@example.com", "a wrong password here");
        using var other = await host.Browser().SignInAsync(Cast.OwnerEmail);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Too many failed sign-ins", await throttled.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_from_strangers_neither_lock_the_account_nor_hold_off_a_browser_its_owner_signed_in_from()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerUser"] = "5", ["Security:SignInFailuresPerAddress"] = "100" });
        var owners = await KnownBrowserAsync(host, Cast.OwnerEmail);

        var stranger = host.Browser();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var _ = await stranger.SignInAsync(Cast.OwnerEmail, $"a stranger's guess {attempt}");
        }

        using var strangerWithThePassword = await stranger.SignInAsync(Cast.OwnerEmail);
        using var newBrowser = await host.Browser().SignInAsync(Cast.OwnerEmail);
        using var again = await owners.SignInAsync(Cast.OwnerEmail);

        Assert.Equal(HttpStatusCode.TooManyRequests, strangerWithThePassword.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, newBrowser.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_known_browser_has_its_own_limit_and_counts_only_for_the_person_it_signed_in_as()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerUser"] = "3", ["Security:SignInFailuresPerAddress"] = "100" });
        var browser = await KnownBrowserAsync(host, Cast.OwnerEmail);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var _ = await browser.SignInAsync(Cast.OwnerEmail, $"a typo of mine {attempt}");
            using var stranger = await host.Browser().SignInAsync(Cast.StrangerEmail, $"a stranger's guess {attempt}");
        }

        using var mine = await browser.SignInAsync(Cast.OwnerEmail);
        using var other = await browser.SignInAsync(Cast.StrangerEmail);

        Assert.Equal(HttpStatusCode.TooManyRequests, mine.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Theory]
    [InlineData("made-up")]
    [InlineData("%%%")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_made_up_device_cookie_is_ignored_and_buys_no_extra_guesses(string cookie)
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerUser"] = "3", ["Security:SignInFailuresPerAddress"] = "100" });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var _ = await host.Browser().SignInAsync(Cast.OwnerEmail, $"a stranger's guess {attempt}");
        }

        var forger = host.Browser();
        forger.DefaultRequestHeaders.Add("Cookie", $"__Host-portal.device={cookie}");
        using var answer = await forger.SignInAsync(Cast.OwnerEmail);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
    }

    [Theory]
    [InlineData("\u212Aate.kirk@example.com")]
    [InlineData("KATE.KIRK@EXAMPLE.COM ")]
    public async Task Spellings_that_find_the_same_user_share_one_count(string spelling)
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerUser"] = "3", ["Security:SignInFailuresPerAddress"] = "100" });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var _ = await host.Browser().SignInAsync("kate.kirk@example.com", $"a wrong password {attempt}");
        }

        using var throttled = await host.Browser().SignInAsync(spelling, "another wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task Guesses_sent_at_once_are_checked_no_more_often_than_the_limit_allows()
    {
        var hasher = new CountingHasher();
        await using var host = await ApiHost.StartAsync(
            new() { ["Security:SignInFailuresPerUser"] = "3", ["Security:SignInFailuresPerAddress"] = "100" },
            services => services.AddSingleton<IPasswordHasher<PortalUser>>(hasher));
        var browsers = Enumerable.Range(0, 12).Select(_ => host.Browser()).ToList();
        var tokens = await Task.WhenAll(browsers.Select(b => b.PageAsync("/Account/Login")));
        hasher.Verified = 0;

        var answers = await Task.WhenAll(browsers.Select((browser, i) => browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Browsing.Token(tokens[i]),
            ["Input.Email"] = "guessed.name@example.com",
            ["Input.Password"] = $"guess number {i}",
        }), Ct)));

        Assert.Equal(3, hasher.Verified);
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_right_password_takes_its_attempt_back_so_only_failures_count()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerUser"] = "3", ["Security:SignInFailuresPerAddress"] = "100" });
        using var wrong = await host.Browser().SignInAsync(Cast.OwnerEmail, "not the password at all");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var right = await host.Browser().SignInAsync(Cast.OwnerEmail);
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        using var wrongAgain = await host.Browser().SignInAsync(Cast.OwnerEmail, "not the password either");
        using var last = await host.Browser().SignInAsync(Cast.OwnerEmail);

        Assert.Equal(HttpStatusCode.OK, wrongAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_address_are_throttled_with_429_even_for_the_right_password()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerAddress"] = "4", ["Security:SignInFailuresPerUser"] = "100" });
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var _ = await host.Browser().SignInAsync($"user{attempt}@example.com", "a wrong password here");
        }

        using var throttled = await host.Browser().SignInAsync(Cast.OwnerEmail);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task Bad_API_keys_from_one_address_are_throttled_with_429_while_valid_keys_from_it_keep_working()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:ApiKeyFailuresPerAddress"] = "3" });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var refused = await host.Client($"Bearer nrp_guess{attempt}").GetAsync("/api/v1/release-requests", Ct);
            await refused.ErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        }

        using var throttled = await host.Client("Bearer nrp_guess_again").GetAsync("/api/v1/release-requests", Ct);
        using var valid = await host.Client(host.Owner).GetAsync("/api/v1/release-requests", Ct);

        await throttled.ErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.NotNull(throttled.Headers.RetryAfter);
        await valid.JsonAsync();
    }

    [Theory]
    [InlineData("/\u3002evil.example")]
    [InlineData("/review\r\nSet-Cookie: x=1")]
    [InlineData("//evil.example")]
    public async Task A_return_address_off_the_site_or_outside_printable_ASCII_leads_to_the_start_page_and_never_to_a_500(string returnUrl)
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = host.Browser();

        using var signedIn = await browser.SignInAsync(Cast.OwnerEmail, returnUrl: returnUrl);
        using var again = await browser.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(new Uri("https://localhost/"), signedIn.Headers.Location);
        Assert.Equal(new Uri("https://localhost/"), again.Headers.Location);
    }

    /// <summary>A browser that signed in as <paramref name="email"/> and out again: it is known for that person.</summary>
    private static async Task<HttpClient> KnownBrowserAsync(ApiHost host, string email)
    {
        var browser = host.Browser();
        using (var signedIn = await browser.SignInAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        await browser.SignOutAsync();
        return browser;
    }

    private sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();

        private int _verified;

        public int Verified
        {
            get => _verified;
            set => _verified = value;
        }

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
