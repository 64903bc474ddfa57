using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class WithdrawRequestTests
{
    [Fact]
    public async Task The_requester_withdraws_a_pending_request_and_the_number_is_active_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);

        var view = (await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, request.Id, Ct)).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Withdrawn, view.Status);
        var stored = await portal.LoadRequestAsync(request.Id);
        Assert.Equal(ReleaseRequestStatus.Withdrawn, stored.Status);
        Assert.Equal(portal.Owner.UserId, stored.DecidedById);
        Assert.Equal(NumberStatus.Active, (await portal.LoadNumberAsync(number.Id)).Status);
        var withdrawn = Assert.Single(await portal.AuditAsync(), e => e.Action == AuditAction.ReleaseWithdrawn);
        Assert.Equal(request.Id, withdrawn.ReleaseRequestId);
    }

    [Fact]
    public async Task Another_owner_of_the_account_may_withdraw_the_request()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var coOwner = await portal.CoOwnerAsync();
        var request = await portal.RequestAsync(await portal.NumberAsync());

        (await db.Get<WithdrawRequest>().HandleAsync(coOwner, request.Id, Ct)).Succeeded();

        var stored = await portal.LoadRequestAsync(request.Id);
        Assert.Equal(ReleaseRequestStatus.Withdrawn, stored.Status);
        Assert.Equal(coOwner.UserId, stored.DecidedById);
    }

    [Fact]
    public async Task An_owner_may_withdraw_a_request_a_reviewer_made_for_its_account()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync(), by: portal.Reviewer);

        (await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, request.Id, Ct)).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Withdrawn, (await portal.LoadRequestAsync(request.Id)).Status);
    }

    [Fact]
    public async Task A_reviewer_who_neither_made_the_request_nor_owns_the_account_cannot_withdraw_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());

        await db.RefusesAsync(() => db.Get<WithdrawRequest>().HandleAsync(portal.Reviewer, request.Id, Ct), Errors.NotRequester);
    }

    [Fact]
    public async Task A_withdrawn_request_cannot_be_withdrawn_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());
        (await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, request.Id, Ct)).Succeeded();

        await db.RefusesAsync(() => db.Get<WithdrawRequest>().HandleAsync(portal.Owner, request.Id, Ct), Errors.RequestAlreadyDecided);
    }

    [Fact]
    public async Task An_approved_request_cannot_be_withdrawn_and_the_release_stays()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, requestId, _) = await portal.ReleasedNumberAsync();

        await db.RefusesAsync(() => db.Get<WithdrawRequest>().HandleAsync(portal.Owner, requestId, Ct), Errors.RequestAlreadyDecided);

        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task After_a_withdrawal_the_number_can_be_requested_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var first = await portal.RequestAsync(number);
        (await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, first.Id, Ct)).Succeeded();

        var second = await portal.RequestAsync(number);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
    }
}
