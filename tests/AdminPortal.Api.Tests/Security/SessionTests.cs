using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.Security;

/// <summary>A session ends when its user no longer may sign in: checked on page loads at least every revalidation interval.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_user_locked_out_elsewhere_loses_the_session_at_the_next_page_load_after_the_interval()
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = await SignedInAsync(host, Cast.ReviewerEmail);
        await ChangeUserAsync(host, Cast.ReviewerEmail, (users, user) => users.SetLockoutEndDateAsync(user, host.Db.Clock.GetUtcNow().AddMinutes(15)));

        host.Db.Clock.Advance(TimeSpan.FromSeconds(61));
        using var response = await browser.GetAsync("/requests", Ct);

        AssertSentToSignIn(response);
    }

    [Fact]
    public async Task A_role_taken_away_ends_the_session_at_the_next_page_load_after_the_interval()
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = await SignedInAsync(host, Cast.OwnerEmail);
        await ChangeUserAsync(host, Cast.OwnerEmail, (users, user) => users.RemoveFromRoleAsync(user, PortalRoles.Owner));

        host.Db.Clock.Advance(TimeSpan.FromSeconds(61));
        using var response = await browser.GetAsync("/requests", Ct);

        AssertSentToSignIn(response);
    }

    [Fact]
    public async Task Within_the_interval_a_page_load_is_not_checked_against_the_database_again()
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = await SignedInAsync(host, Cast.OwnerEmail);
        await ChangeUserAsync(host, Cast.OwnerEmail, (users, user) => users.SetLockoutEndDateAsync(user, host.Db.Clock.GetUtcNow().AddMinutes(15)));

        host.Db.Clock.Advance(TimeSpan.FromSeconds(30));
        using var response = await browser.GetAsync("/requests", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_busy_session_still_ends_12_hours_after_sign_in()
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = await SignedInAsync(host, Cast.OwnerEmail);
        for (var hour = 0; hour < 11; hour++)
        {
            host.Db.Clock.Advance(TimeSpan.FromHours(1));
            using var busy = await browser.GetAsync("/requests", Ct);
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }

        host.Db.Clock.Advance(TimeSpan.FromHours(1));
        using var response = await browser.GetAsync("/requests", Ct);

        AssertSentToSignIn(response);
    }

    private static async Task<HttpClient> SignedInAsync(ApiHost host, string email)
    {
        var browser = host.Browser();
        using var signedIn = email == Cast.ReviewerEmail ? await browser.SignInWithCodeAsync(host, email) : await browser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var page = await browser.GetAsync("/requests", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return browser;
    }

    private static async Task ChangeUserAsync(ApiHost host, string email, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> change)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await change(users, (await users.FindByEmailAsync(email))!)).Succeeded);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }
}
