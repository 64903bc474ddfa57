using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Domain.Releases;

public enum ReleaseRequestStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>An owner's request to release a number, and the decision on it.</summary>
public sealed class ReleaseRequest
{
    public const string IdPrefix = "rr_";

    private ReleaseRequest()
    {
    }

    public ReleaseRequest(string id, PhoneNumber number, ReleaseReason reason, Actor requester, DateTime now)
    {
        Id = id;
        PhoneNumberId = number.Id;
        AccountId = number.AccountId;
        E164 = number.E164;
        Reason = reason.Value;
        RequestedById = requester.UserId;
        RequestedByName = requester.Name;
        RequestedAt = now;
        Status = ReleaseRequestStatus.Pending;
    }

    public string Id { get; private set; } = null!;

    public string PhoneNumberId { get; private set; } = null!;

    public string AccountId { get; private set; } = null!;

    public string E164 { get; private set; } = null!;

    public string Reason { get; private set; } = null!;

    public string RequestedById { get; private set; } = null!;

    public string RequestedByName { get; private set; } = null!;

    public DateTime RequestedAt { get; private set; }

    public ReleaseRequestStatus Status { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>The early termination fee charged when the request was approved: the one place the fee is kept.</summary>
    public long FeeCents { get; private set; }

    public Money Fee => new(FeeCents);

    public DateTime? FeeVoidedAt { get; private set; }

    /// <summary>The fee the release this request led to still costs: nothing before approval or once cancelled.</summary>
    public Money FeeCharged => Status == ReleaseRequestStatus.Approved && FeeVoidedAt is null ? Fee : Money.Zero;

    /// <summary>Optimistic concurrency token, raised by the persistence on every saved change.</summary>
    public int Version { get; private set; }

    public bool WasRequestedBy(Actor actor) => RequestedById == actor.UserId;

    /// <summary>The requester, or an owner of the account, may take a request back; a reviewer rejects instead.</summary>
    public bool MayBeWithdrawnBy(Actor actor, bool ownsAccount) => WasRequestedBy(actor) || ownsAccount;

    /// <summary>
    /// A reviewer approves the request and the number is released; the fee of the terms is charged. Four eyes: a reviewer
    /// may not approve its own request. Nothing changes when any rule refuses.
    /// </summary>
    public Result Approve(Actor reviewer, PhoneNumber number, DateTime now, ReleaseTerms terms)
    {
        if (!reviewer.IsStaff)
        {
            return Errors.Staff();
        }

        if (WasRequestedBy(reviewer))
        {
            return Pending().Then(() => ReleaseErrors.SelfApproval());
        }

        return ApproveAndRelease(reviewer, number, now, terms, note: null);
    }

    /// <summary>
    /// An owner's request on an account whose policy is self-service is approved at once, as its own decision; on any other
    /// account the requester cannot approve it.
    /// </summary>
    public Result ApproveAtOnce(Account account, PhoneNumber number, DateTime now, ReleaseTerms terms)
    {
        if (account.Id != AccountId || !account.ApprovesReleasesAtOnceFor(RequestedById))
        {
            return ReleaseErrors.NotSelfService(account.Id);
        }

        var requester = new Actor(RequestedById, RequestedByName, new HashSet<string>());
        return ApproveAndRelease(requester, number, now, terms, "Approved at once by the account's self-service release policy");
    }

    public Result Reject(Actor reviewer, DateTime now, DecisionNote note)
    {
        if (!reviewer.IsStaff)
        {
            return Errors.Staff();
        }

        return Pending().Then(() => Decide(ReleaseRequestStatus.Rejected, reviewer, now, note.Value));
    }

    public Result Withdraw(Actor actor, DateTime now) => Pending().Then(() => Decide(ReleaseRequestStatus.Withdrawn, actor, now, null));

    /// <summary>The release this request led to was cancelled during cooling-off: its fee is not charged.</summary>
    public void VoidFee(DateTime now)
    {
        if (Status == ReleaseRequestStatus.Approved && FeeVoidedAt is null)
        {
            FeeVoidedAt = now;
        }
    }

    private Result Pending() => Status == ReleaseRequestStatus.Pending ? Result.Success() : ReleaseErrors.AlreadyDecided(this);

    private Result ApproveAndRelease(Actor approver, PhoneNumber number, DateTime now, ReleaseTerms terms, string? note)
    {
        if (number.Id != PhoneNumberId)
        {
            throw new InvalidOperationException($"Request {Id} is about {PhoneNumberId}, not {number.Id}");
        }

        var fee = terms.FeeFor(number.PurchasedAt, now);
        return Pending()
            .Then(() => number.Release(now, terms))
            .Then(() =>
            {
                FeeCents = fee.Cents;
                return Decide(ReleaseRequestStatus.Approved, approver, now, note);
            });
    }

    private Result Decide(ReleaseRequestStatus status, Actor actor, DateTime now, string? note)
    {
        Status = status;
        DecidedById = actor.UserId;
        DecidedByName = actor.Name;
        DecidedAt = now;
        DecisionNote = note;
        return Result.Success();
    }
}
