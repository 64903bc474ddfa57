using AdminPortal.Application.ApiKeys;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.Security;

/// <summary>Every call needs a live API key of a user with a portal role; anything else is refused before any use case runs.</summary>
public sealed class AuthenticationTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Numbers = $"/api/v1/accounts/{Cast.AccountId}/numbers";

    [Theory]
    [InlineData("no Authorization header", null)]
    [InlineData("an unknown key", "Bearer nrp_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("a key without the nrp_ prefix", "Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("an empty bearer token", "Bearer ")]
    [InlineData("another scheme", "Basic b3duZXJAZXhhbXBsZS5jb206cGFzc3dvcmQ=")]
    public async Task A_call_without_a_valid_key_gets_401_UNAUTHENTICATED_with_a_bearer_challenge(string _, string? authorization)
    {
        using var response = await host.Client(authorization).GetAsync(Numbers, Ct);

        await response.ErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_revoked_key_gets_401_at_once_while_another_key_of_the_same_user_still_works()
    {
        var user = await host.UserAsync("revoking.owner@example.com", PortalRoles.Owner);
        var second = (await host.Db.Get<CreateApiKey>().HandleAsync(user.Actor, "second", Ct)).Succeeded();
        using (var before = await host.Client(user).GetAsync("/api/v1/release-requests", Ct))
        {
            await before.JsonAsync();
        }

        (await host.Db.Get<RevokeApiKey>().HandleAsync(user.Actor, user.KeyId, Ct)).Succeeded();

        using var revoked = await host.Client(user).GetAsync("/api/v1/release-requests", Ct);
        var error = await revoked.ErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Equal(("The API key has been revoked", "Create a new key on the portal's API keys page"), (error.String("message"), error.String("fix")));
        using var other = await host.Client($"Bearer {second.Secret}").GetAsync("/api/v1/release-requests", Ct);
        await other.JsonAsync();
    }

    [Fact]
    public async Task A_locked_out_user_gets_401_with_a_key_that_worked_before()
    {
        var user = await host.UserAsync("locked.owner@example.com", PortalRoles.Owner);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Actor.UserId))!, DateTimeOffset.MaxValue);

        using var response = await host.Client(user).GetAsync("/api/v1/release-requests", Ct);
        var error = await response.ErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Equal("The API key's user is disabled or locked out", error.String("message"));
    }

    [Theory]
    [InlineData("Bearer nrp_0000000000000000000000000000000000000000000000000000000000000000", "The API key is unknown")]
    [InlineData("Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc", "The API key is unknown")]
    [InlineData("Basic b3duZXJAZXhhbXBsZS5jb206cGFzc3dvcmQ=", "The Authorization header must be \"Bearer <API key>\"")]
    [InlineData(null, "This call needs an API key")]
    public async Task The_401_says_what_was_wrong_with_the_key(string? authorization, string message)
    {
        using var response = await host.Client(authorization).GetAsync(Numbers, Ct);

        Assert.Equal(message, (await response.ErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED")).String("message"));
    }

    [Fact]
    public async Task A_user_without_a_portal_role_gets_403_FORBIDDEN()
    {
        var user = await host.UserAsync("no.role@example.com");

        using var response = await host.Client(user).GetAsync("/api/v1/release-requests", Ct);

        await response.ErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_removed_role_takes_effect_on_the_next_call()
    {
        var user = await host.UserAsync("demoted.reviewer@example.com", PortalRoles.Reviewer);
        using (var before = await host.Client(user).GetAsync("/api/v1/audit-events", Ct))
        {
            await before.JsonAsync();
        }

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await users.RemoveFromRoleAsync((await users.FindByIdAsync(user.Actor.UserId))!, PortalRoles.Reviewer);

        using var after = await host.Client(user).GetAsync("/api/v1/audit-events", Ct);
        await after.ErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_call_with_a_key_records_when_the_key_was_last_used()
    {
        var user = await host.UserAsync("tracked.owner@example.com", PortalRoles.Owner);

        using var response = await host.Client(user).GetAsync("/api/v1/release-requests", Ct);

        await response.JsonAsync();
        var key = Assert.Single(await host.Db.Get<ListApiKeys>().HandleAsync(user.Actor, Ct));
        Assert.Equal(host.Now, key.LastUsedAt);
    }

    [Fact]
    public async Task The_key_is_stored_only_as_a_hash()
    {
        await using var ctx = host.Db.NewContext();
        var stored = await ctx.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == host.Owner.KeyId, Ct);

        Assert.StartsWith("nrp_", host.Owner.Secret);
        Assert.DoesNotContain(host.Owner.Secret, System.Text.Json.JsonSerializer.Serialize(stored));
        Assert.Equal(host.Owner.Secret[..12], stored.ShownPrefix);
    }

    [Fact]
    public async Task An_unknown_path_under_the_API_gets_404_NOT_FOUND_in_the_envelope()
    {
        using var response = await host.Client(host.Owner).GetAsync("/api/v1/phone-numbers", Ct);

        await response.ErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("/numbers")]
    [InlineData("/review")]
    [InlineData("/Account/TwoFactor")]
    [InlineData("/Account/Passkeys")]
    [InlineData("/Account/Password")]
    public async Task An_API_key_does_not_sign_its_holder_in_to_the_portal_pages(string page)
    {
        using var response = await host.Client(host.Reviewer).GetAsync(page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("GET", "/api/v1/release-requests/rr_any/approve", "POST")]
    [InlineData("DELETE", "/api/v1/release-requests/rr_any/approve", "POST")]
    [InlineData("PUT", "/api/v1/release-requests", "GET", "HEAD")]
    [InlineData("POST", "/api/v1/accounts/acc_123abc/numbers/+14155551234/agents/agt_1", "DELETE")]
    public async Task A_wrong_method_gets_405_METHOD_NOT_ALLOWED_naming_the_method_to_use(string method, string path, params string[] allowed)
    {
        using var response = await host.Client(host.Reviewer).SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        var error = await response.ErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Contains(allowed[0], error.String("fix"));
        Assert.Equal(allowed, response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/v1/release-requests")]
    [InlineData("/api/v1/accounts")]
    [InlineData(Numbers)]
    public async Task HEAD_answers_like_GET_with_its_headers_and_no_body(string path)
    {
        using var get = await host.Client(host.Owner).GetAsync(path, Ct);
        using var head = await host.Client(host.Owner).SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (get.StatusCode, head.StatusCode));
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task A_path_the_API_does_not_have_gets_404_NOT_FOUND_whatever_the_method(string method)
    {
        using var response = await host.Client(host.Reviewer).SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/nothing-here"), Ct);

        await response.ErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
