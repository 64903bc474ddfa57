using AdminPortal.Application.Accounts;
using AdminPortal.Domain.Accounts;

namespace AdminPortal.Application.Tests.Accounts;

public sealed class ListAccountsTests
{
    [Fact]
    public async Task An_owner_sees_only_the_accounts_it_owns_and_staff_see_all_by_name()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.Given.AccountAsync("acc_selfsvc", portal.Owner, ReleasePolicy.SelfService);

        var mine = await db.Get<ListAccounts>().HandleAsync(portal.Owner, Ct);
        var all = await db.Get<ListAccounts>().HandleAsync(portal.Admin, Ct);

        Assert.Equal(
            [new AccountView(Cast.AccountId, $"Account {Cast.AccountId}", ReleasePolicy.ReviewRequired), new AccountView("acc_selfsvc", "Account acc_selfsvc", ReleasePolicy.SelfService)],
            mine);
        Assert.Equal([Cast.AccountId, Cast.OtherAccountId, "acc_selfsvc"], all.Select(a => a.Id));
    }
}
