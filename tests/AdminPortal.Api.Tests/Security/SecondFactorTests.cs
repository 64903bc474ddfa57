using System.Net;
using System.Text.RegularExpressions;
using AdminPortal.Domain.Audit;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.Security;

/// <summary>Staff see every account, so a staff session needs a second step: a code from an authenticator app.</summary>
public sealed partial class SecondFactorTests
{
    [Fact]
    public async Task A_staff_member_without_two_step_sign_in_reaches_only_the_account_pages()
    {
        await using var host = await ApiHost.StartAsync([]);
        await TurnOffAsync(host, Cast.ReviewerEmail);
        var browser = host.Browser();
        using var signedIn = await browser.SignInAsync(Cast.ReviewerEmail);
        Assert.Equal("/", signedIn.Target());

        foreach (var page in new[] { "/review", "/numbers", "/audit" })
        {
            using var refused = await browser.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", refused.Target());
        }

        Assert.Contains("Set up two-step sign-in", await browser.PageAsync("/Account/AccessDenied"));
        Assert.Contains("data-testid=\"authenticator-key\"", await browser.PageAsync("/Account/TwoFactor"));
    }

    [Fact]
    public async Task Enrolling_with_the_code_the_app_shows_opens_the_staff_pages_in_the_same_session_and_shows_recovery_codes_once()
    {
        await using var host = await ApiHost.StartAsync([]);
        await TurnOffAsync(host, Cast.ReviewerEmail);
        var browser = host.Browser();
        using var _ = await browser.SignInAsync(Cast.ReviewerEmail);
        var key = Key().Match(await browser.PageAsync("/Account/TwoFactor")).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);

        using var enrolled = await browser.PostFormAsync("/Account/TwoFactor", "enrol", ["Enrolment.Code", SecondFactor.CurrentCode(key, DateTimeOffset.UtcNow)]);

        var page = await enrolled.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"recovery-codes\"", page);
        Assert.Equal(10, RecoveryCode().Matches(page).Count);
        using var review = await browser.GetAsync("/review", Ct);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.DoesNotContain("data-testid=\"recovery-codes\"", await browser.PageAsync("/Account/TwoFactor"));
        var audited = Assert.Single(await host.AuditedAsync(AuditAction.AuthenticatorEnabled));
        Assert.Contains("\"authenticator\":false", audited.Before);
        Assert.Contains("\"authenticator\":true", audited.After);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_are_audited()
    {
        await using var host = await ApiHost.StartAsync([]);
        var old = (await UsersAsync(host, (users, user) => users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10), Cast.ReviewerEmail))!.First();
        var browser = host.Browser();
        using var _ = await browser.SignInWithCodeAsync(host, Cast.ReviewerEmail);

        using var renewed = await browser.PostFormAsync("/Account/TwoFactor", "recovery");

        Assert.Equal(10, RecoveryCode().Matches(await renewed.Content.ReadAsStringAsync(Ct)).Count);
        Assert.False(await UsersAsync(host, async (users, user) => (await users.RedeemTwoFactorRecoveryCodeAsync(user, old)).Succeeded, Cast.ReviewerEmail));
        var audited = Assert.Single(await host.AuditedAsync(AuditAction.RecoveryCodesRenewed));
        Assert.Equal(Cast.ReviewerEmail, audited.ActorName);
    }

    [Fact]
    public async Task Removing_a_passkey_is_audited_with_its_name()
    {
        await using var host = await ApiHost.StartAsync([]);
        await UsersAsync(host, async (users, user) => Assert.True((await users.AddOrUpdatePasskeyAsync(user, new UserPasskeyInfo(
            [1, 2, 3, 4], [5, 6, 7, 8], DateTimeOffset.UtcNow, 0, null, isUserVerified: true, isBackupEligible: false, isBackedUp: false, [9], [10]) { Name = "Old phone" })).Succeeded), Cast.ReviewerEmail);
        var browser = host.Browser();
        using var _ = await browser.SignInWithCodeAsync(host, Cast.ReviewerEmail);

        using var removed = await browser.PostFormAsync("/Account/Passkeys", "remove-01020304");

        Assert.Contains("The passkey Old phone is removed.", await removed.Content.ReadAsStringAsync(Ct));
        var audited = Assert.Single(await host.AuditedAsync(AuditAction.PasskeyRemoved));
        Assert.Equal("Removed the passkey Old phone", audited.Summary);
        Assert.Contains("\"passkeys\":1", audited.Before);
        Assert.Contains("\"passkeys\":0", audited.After);
    }

    [Fact]
    public async Task Opening_the_set_up_page_keeps_the_session()
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = host.Browser();
        using var _ = await browser.SignInAsync(Cast.OwnerEmail);
        await browser.PageAsync("/Account/TwoFactor");

        host.Db.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Contains("data-testid=\"authenticator-key\"", await browser.PageAsync("/Account/TwoFactor"));
        await browser.PageAsync("/requests");
    }

    [Fact]
    public async Task A_wrong_enrolment_code_leaves_two_step_sign_in_off()
    {
        await using var host = await ApiHost.StartAsync([]);
        await TurnOffAsync(host, Cast.ReviewerEmail);
        var browser = host.Browser();
        using var _ = await browser.SignInAsync(Cast.ReviewerEmail);
        await browser.PageAsync("/Account/TwoFactor");

        using var refused = await browser.PostFormAsync("/Account/TwoFactor", "enrol", ["Enrolment.Code", "12 34 5x"]);

        Assert.Contains("That code is not valid", await refused.Content.ReadAsStringAsync(Ct));
        Assert.False(await UsersAsync(host, (users, user) => users.GetTwoFactorEnabledAsync(user), Cast.ReviewerEmail));
        using var review = await browser.GetAsync("/review", Ct);
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
    }

    [Fact]
    public async Task With_two_step_sign_in_on_the_password_alone_signs_nobody_in()
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = host.Browser();
        using var first = await browser.SignInAsync(Cast.ReviewerEmail);
        Assert.StartsWith("/Account/LoginWith2fa?", first.Target());

        using var review = await browser.GetAsync("/review", Ct);
        Assert.StartsWith("/Account/Login?", review.Target());
        using var wrong = await browser.SendCodeAsync(first.Target(), "9999999999");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code is not valid", await wrong.Content.ReadAsStringAsync(Ct));

        using var right = await browser.SendCodeAsync(first.Target(), await host.AuthenticatorCodeAsync(Cast.ReviewerEmail));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/review", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await using var host = await ApiHost.StartAsync([]);
        var code = (await UsersAsync(host, (users, user) => users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10), Cast.ReviewerEmail))!.First();

        foreach (var expected in new[] { HttpStatusCode.Redirect, HttpStatusCode.OK })
        {
            var browser = host.Browser();
            using var first = await browser.SignInAsync(Cast.ReviewerEmail);
            using var second = await browser.SendCodeAsync(first.Target(), code);
            Assert.Equal(expected, second.StatusCode);
        }
    }

    [Fact]
    public async Task A_staff_API_key_is_refused_while_two_step_sign_in_is_off()
    {
        await using var host = await ApiHost.StartAsync([]);
        using (var on = await host.Client(host.Reviewer).GetAsync("/api/v1/release-requests", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }

        await TurnOffAsync(host, Cast.ReviewerEmail);
        using var off = await host.Client(host.Reviewer).GetAsync("/api/v1/release-requests", Ct);

        var error = await off.ErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Contains("two-step sign-in", error.String("message"));
    }

    [Fact]
    public async Task A_password_alone_cannot_add_a_second_factor_to_an_account_that_has_a_passkey()
    {
        await using var host = await ApiHost.StartAsync([]);
        await TurnOffAsync(host, Cast.ReviewerEmail);
        await UsersAsync(host, async (users, user) => Assert.True((await users.AddOrUpdatePasskeyAsync(user, new UserPasskeyInfo(
            [1, 2, 3, 4], [5, 6, 7, 8], DateTimeOffset.UtcNow, 0, null, isUserVerified: true, isBackupEligible: false, isBackedUp: false, [9], [10]))).Succeeded), Cast.ReviewerEmail);
        var key = await UsersAsync(host, async (users, user) => (await users.GetAuthenticatorKeyAsync(user))!, Cast.ReviewerEmail);
        var browser = host.Browser();
        using var _ = await browser.SignInAsync(Cast.ReviewerEmail);

        var setUp = await browser.PageAsync("/Account/TwoFactor");
        using var enrolled = await browser.PostFormAsync("/Account/TwoFactor", "enrol", ["Enrolment.Code", SecondFactor.CurrentCode(key, DateTimeOffset.UtcNow)]);

        Assert.Contains("data-testid=\"sign-in-again\"", setUp);
        Assert.DoesNotContain("data-testid=\"authenticator-key\"", setUp);
        Assert.DoesNotContain("data-testid=\"recovery-codes\"", await enrolled.Content.ReadAsStringAsync(Ct));
        Assert.False(await UsersAsync(host, (users, user) => users.GetTwoFactorEnabledAsync(user), Cast.ReviewerEmail));
        Assert.Contains("data-testid=\"sign-in-again\"", await browser.PageAsync("/Account/Passkeys"));
        using var review = await browser.GetAsync("/review", Ct);
        Assert.StartsWith("/Account/AccessDenied", review.Target());
    }

    private static Task TurnOffAsync(ApiHost host, string email) =>
        UsersAsync(host, async (users, user) => Assert.True((await users.SetTwoFactorEnabledAsync(user, false)).Succeeded), email);

    private static async Task UsersAsync(ApiHost host, Func<UserManager<PortalUser>, PortalUser, Task> use, string email) =>
        await UsersAsync(host, async (users, user) => { await use(users, user); return true; }, email);

    private static async Task<T> UsersAsync<T>(ApiHost host, Func<UserManager<PortalUser>, PortalUser, Task<T>> use, string email)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await use(users, (await users.FindByEmailAsync(email))!);
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex Key();

    [GeneratedRegex(@"\b[A-Z0-9]{5}-[A-Z0-9]{5}\b")]
    private static partial Regex RecoveryCode();
}
