using AdminPortal.Application.ApiKeys;
using AdminPortal.Web.Components.Pages.ApiKeys;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Web.Tests.Pages;

public sealed class ApiKeysPageTests : PageTest
{
    private Scenario _scenario = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await Scenario.CreateAsync(Db);
    }

    [Fact]
    public async Task Creating_a_key_shows_its_secret_once_and_lists_it_by_its_prefix_only()
    {
        SignIn(_scenario.Owner);
        var cut = Render<ApiKeysPage>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API keys", cut.Markup));

        cut.Find("[data-testid=key-name]").Input("billing sync");
        cut.Find("form").Submit();

        var secret = cut.WaitForElement("[data-testid=new-key] pre").TextContent.Trim();
        Assert.StartsWith("nrp_", secret);
        var row = cut.WaitForElement("[data-testid=keys-grid] tbody tr");
        Assert.Contains("billing sync", row.TextContent);
        Assert.Contains(secret[..12], row.TextContent);
        Assert.DoesNotContain(secret, row.TextContent);
        var stored = await InDbAsync(db => db.ApiKeys.SingleAsync(Ct));
        Assert.Equal(_scenario.Owner.UserId, stored.UserId);
        Assert.NotEqual(secret, stored.SecretHash);
    }

    [Fact]
    public async Task Revoke_after_confirmation_revokes_the_key()
    {
        await Db.Get<CreateApiKey>().HandleAsync(_scenario.Owner, "nightly export", Ct);
        SignIn(_scenario.Owner);
        var cut = Render<ApiKeysPage>();

        cut.WaitForElement("[data-testid=revoke-key]").Click();
        Confirm("Revoke");

        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find("[data-testid=keys-grid] tbody tr").TextContent));
        Assert.NotNull((await InDbAsync(db => db.ApiKeys.SingleAsync(Ct))).RevokedAt);
    }

    [Fact]
    public async Task Another_users_keys_are_not_listed()
    {
        await Db.Get<CreateApiKey>().HandleAsync(_scenario.Stranger, "stranger's key", Ct);
        SignIn(_scenario.Owner);

        var cut = Render<ApiKeysPage>();

        cut.WaitForAssertion(() => Assert.Contains("You have no API keys", cut.Markup));
        Assert.DoesNotContain("stranger's key", cut.Markup);
    }
}
