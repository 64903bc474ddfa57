using AdminPortal.Application.Webhooks;
using AdminPortal.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Application.Tests.Upgrade;

/// <summary>Endpoints that shared an address before an account could have only one active there (decision 0027).</summary>
public sealed class WebhookAddressUpgradeTests
{
    private const string Before = "StatusIndexesHoldSortKeys";

    [Fact]
    public async Task Active_endpoints_at_one_address_keep_the_oldest_on_and_the_others_off_with_their_deliveries()
    {
        await using var db = await TestDatabase.CreateAsync();
        var owner = await db.Given().OwnerAsync();
        await db.Given().AccountAsync(Cast.AccountId, owner);
        await db.Given().AccountAsync(Cast.OtherAccountId);
        await using (var context = db.NewContext())
        {
            await context.GetService<IMigrator>().MigrateAsync(Before, Ct);
        }

        var oldest = await EndpointAsync(db, owner, Cast.AccountId, "https://platform.example/hooks", minutes: 0);
        var newer = await EndpointAsync(db, owner, Cast.AccountId, "https://platform.example/hooks", minutes: 1);
        var offAlready = await EndpointAsync(db, owner, Cast.AccountId, "https://platform.example/hooks", minutes: 2, off: true);
        var elsewhere = await EndpointAsync(db, owner, Cast.AccountId, "https://platform.example/other", minutes: 3);
        var otherAccount = await EndpointAsync(db, owner, Cast.OtherAccountId, "https://platform.example/hooks", minutes: 4);
        await using (var context = db.NewContext())
        {
            context.WebhookDeliveries.Add(new WebhookDelivery(newer, Cast.AccountId, "evt_1", WebhookEventTypes.NumberReleased, "{}", db.Now));
            await context.SaveChangesAsync(Ct);
        }

        await using (var context = db.NewContext())
        {
            await context.Database.MigrateAsync(Ct);
        }

        await using (var context = db.NewContext())
        {
            var endpoints = await context.WebhookEndpoints.AsNoTracking().ToDictionaryAsync(w => w.Id, Ct);
            Assert.Equal(5, endpoints.Count);
            Assert.Equal([true, false, false, true, true], new[] { oldest, newer, offAlready, elsewhere, otherAccount }.Select(id => endpoints[id].IsActive));
            Assert.Equal("Another endpoint of the account posts to this address", endpoints[newer].DisabledReason);
            Assert.Equal("Turned off by a test", endpoints[offAlready].DisabledReason);
            Assert.Equal(1, await context.WebhookDeliveries.CountAsync(d => d.EndpointId == newer, Ct));
        }

        var hooks = db.Get<ManageWebhooks>();
        (await hooks.TurnOnAsync(owner, newer, Ct)).Failed(Errors.WebhookExists);
        (await hooks.TurnOffAsync(owner, oldest, Ct)).Succeeded();
        (await hooks.TurnOnAsync(owner, newer, Ct)).Succeeded();
    }

    private static async Task<string> EndpointAsync(TestDatabase db, Domain.Common.Actor owner, string accountId, string url, int minutes, bool off = false)
    {
        var endpoint = WebhookEndpoint.Register(Ids.New(WebhookEndpoint.IdPrefix), accountId, url, null, "protected", owner, db.Now.AddMinutes(minutes), allowHttp: false).Value;
        if (off)
        {
            endpoint.Disable("Turned off by a test", db.Now);
        }

        await using var context = db.NewContext();
        context.WebhookEndpoints.Add(endpoint);
        await context.SaveChangesAsync(Ct);
        return endpoint.Id;
    }
}
