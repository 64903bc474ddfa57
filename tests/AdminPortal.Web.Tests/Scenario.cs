using AdminPortal.Application.Common;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Testing;

namespace AdminPortal.Web.Tests;

/// <summary>The people and numbers most page tests start from.</summary>
public sealed record Scenario(Actor Owner, Actor Reviewer, Actor Stranger, string AccountId)
{
    public static async Task<Scenario> CreateAsync(TestDatabase db)
    {
        var given = db.Given();
        var owner = await given.OwnerAsync();
        var reviewer = await given.ReviewerAsync();
        var stranger = await given.OwnerAsync(Cast.StrangerEmail);
        await given.AccountAsync(Cast.AccountId, owner);
        await given.AccountAsync(Cast.OtherAccountId, stranger);
        return new Scenario(owner, reviewer, stranger, Cast.AccountId);
    }

    public static async Task<string> RequestAsync(
        TestDatabase db, Actor requester, PhoneNumber number, string reason = Cast.Reason, ReleaseTiming timing = ReleaseTiming.Now)
    {
        var request = await db.Get<RequestRelease>().HandleAsync(requester, NumberKey.ById(number.Id), reason, timing, null);
        return request.Value.Id;
    }

    public static async Task ReleaseAsync(TestDatabase db, Actor owner, Actor reviewer, PhoneNumber number)
    {
        var requestId = await RequestAsync(db, owner, number);
        var approved = await db.Get<ApproveRequest>().HandleAsync(reviewer, requestId);
        if (!approved.IsSuccess)
        {
            throw new InvalidOperationException(approved.Error.Message);
        }
    }
}
