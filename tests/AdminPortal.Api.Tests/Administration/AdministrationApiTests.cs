using System.Net;
using AdminPortal.Application.Common;
using AdminPortal.Application.Messages;

namespace AdminPortal.Api.Tests.Administration;

/// <summary>/users and /accounts: the administration use cases over HTTP, with the same rules and codes as the pages.</summary>
public sealed class AdministrationApiTests
{
    [Fact]
    public async Task An_invited_owner_gets_a_link_through_the_outbox_sets_a_password_with_it_and_signs_in()
    {
        await using var host = await ApiHost.StartAsync([]);
        var admin = await host.UserAsync(Cast.AdminEmail, PortalRoles.Admin);

        using var invited = await host.Client(admin).PostJsonAsync("/api/v1/users", new { email = "New.Owner@example.com", role = "Owner", account_ids = new[] { Cast.AccountId } });

        var user = await invited.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("new.owner@example.com", "invited", Cast.AccountId), (user.String("email"), user.String("status"), user.GetProperty("account_ids")[0].GetString()));
        var message = Assert.Single((await host.Db.Get<ListOutbox>().HandleAsync(admin.Actor, new Paging(), Ct)).Succeeded().Items);
        var link = new Uri((await host.Db.Get<TakeOutboxLink>().HandleAsync(admin.Actor, message.Id, Ct)).Succeeded());

        var browser = host.Browser();
        using var accepted = await browser.PostFormAsync(link.PathAndQuery, "invitation", ["Input.Password", "a passphrase of four words"], ["Input.Confirm", "a passphrase of four words"]);
        Assert.Equal("/Account/Login?welcome=true", accepted.Target());
        using var signedIn = await browser.SignInAsync("new.owner@example.com", "a passphrase of four words");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var reused = await host.Browser().PostFormAsync(link.PathAndQuery, "invitation", ["Input.Password", "another passphrase here"], ["Input.Confirm", "another passphrase here"]);
        Assert.Contains("This invitation link is not valid any more", await reused.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Only_administrators_manage_users_and_accounts_and_bad_requests_get_their_codes()
    {
        await using var host = await ApiHost.StartAsync([]);
        var admin = await host.UserAsync(Cast.AdminEmail, PortalRoles.Admin);

        await (await host.Client(host.Reviewer).GetAsync("/api/v1/users", Ct)).ErrorAsync(HttpStatusCode.Forbidden, "ADMIN_ONLY");
        await (await host.Client(host.Owner).PostJsonAsync("/api/v1/accounts", new { name = "Mine" })).ErrorAsync(HttpStatusCode.Forbidden, "ADMIN_ONLY");
        await (await host.Client(admin).PostJsonAsync("/api/v1/users", new { email = "x@example.com", role = "Root" })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_ROLE");
        await (await host.Client(admin).PostJsonAsync("/api/v1/users", new { email = Cast.OwnerEmail, role = "Owner" })).ErrorAsync(HttpStatusCode.Conflict, "EMAIL_TAKEN");
        await (await host.Client(admin).PostJsonAsync("/api/v1/users")).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await host.Client(admin).PostJsonAsync("/api/v1/users", new { email = "y@example.com", role = "Owner", account_ids = new string?[] { null } })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await host.Client(admin).PostJsonAsync("/api/v1/accounts", new { name = "x", release_policy = "sometimes" })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await host.Client(admin).GetAsync("/api/v1/users?status=asleep", Ct)).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await host.Client(admin).PostJsonAsync($"/api/v1/users/{admin.Actor.UserId}/role", new { role = "Reviewer" })).ErrorAsync(HttpStatusCode.Conflict, "LAST_ADMIN");
    }

    [Fact]
    public async Task A_disabled_users_API_key_is_refused_at_once_and_works_again_when_enabled()
    {
        await using var host = await ApiHost.StartAsync([]);
        var admin = await host.UserAsync(Cast.AdminEmail, PortalRoles.Admin);

        var disabled = await (await host.Client(admin).PostJsonAsync($"/api/v1/users/{host.Owner.Actor.UserId}/disable")).JsonAsync();

        Assert.Equal("disabled", disabled.String("status"));
        await (await host.Client(host.Owner).GetAsync("/api/v1/release-requests", Ct)).ErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await (await host.Client(admin).PostJsonAsync($"/api/v1/users/{host.Owner.Actor.UserId}/enable")).JsonAsync();
        await (await host.Client(host.Owner).GetAsync("/api/v1/release-requests", Ct)).JsonAsync();
    }

    [Fact]
    public async Task Accounts_are_opened_renamed_given_a_policy_and_owners_and_the_last_owner_leaves_only_when_confirmed()
    {
        await using var host = await ApiHost.StartAsync([]);
        var admin = await host.UserAsync(Cast.AdminEmail, PortalRoles.Admin);
        var client = host.Client(admin);
        var id = (await (await client.PostJsonAsync("/api/v1/accounts", new { name = "Acme Asia" })).JsonAsync(HttpStatusCode.Created)).String("id");

        await (await client.PostJsonAsync($"/api/v1/accounts/{id}/rename", new { name = "Acme APAC" })).JsonAsync();
        var policy = await (await client.PostJsonAsync($"/api/v1/accounts/{id}/release-policy", new { release_policy = "self_service" })).JsonAsync();
        var owned = await (await client.PostJsonAsync($"/api/v1/accounts/{id}/owners", new { user = Cast.StrangerEmail })).JsonAsync();
        await host.NumberAsync(id);

        Assert.Equal(("Acme APAC", "self_service"), (policy.String("name"), policy.String("release_policy")));
        Assert.Equal([Cast.StrangerEmail], owned.GetProperty("owners").Strings("email"));
        await (await client.DeleteAsync($"/api/v1/accounts/{id}/owners/{host.Stranger.Actor.UserId}", Ct)).ErrorAsync(HttpStatusCode.Conflict, "LAST_OWNER");
        var left = await (await client.DeleteAsync($"/api/v1/accounts/{id}/owners/{host.Stranger.Actor.UserId}?confirm=true", Ct)).JsonAsync();
        Assert.Empty(left.GetProperty("owners").EnumerateArray());
    }

    [Fact]
    public async Task An_owner_lists_only_their_accounts_with_who_owns_them()
    {
        await using var host = await ApiHost.StartAsync([]);

        var accounts = (await (await host.Client(host.Owner).GetAsync("/api/v1/accounts", Ct)).JsonAsync()).GetProperty("accounts");

        var account = Assert.Single(accounts.EnumerateArray());
        Assert.Equal(Cast.AccountId, account.String("id"));
        Assert.Equal([Cast.OwnerEmail], account.GetProperty("owners").Strings("email"));
    }
}
