using AdminPortal.Domain.Common;

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

    public ReleaseRequest(string id, string phoneNumberId, string accountId, string e164, string reason, Actor requester, DateTime now)
    {
        Id = id;
        PhoneNumberId = phoneNumberId;
        AccountId = accountId;
        E164 = e164;
        Reason = reason;
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

    /// <summary>The early termination fee charged when the request was approved.</summary>
    public long FeeCents { get; private set; }

    public DateTime? FeeVoidedAt { get; private set; }

    /// <summary>Optimistic concurrency token, raised by every decision.</summary>
    public int Version { get; private set; }

    public bool WasRequestedBy(Actor actor) => RequestedById == actor.UserId;

    /// <summary>The requester, or an owner of the account, may take a request back; a reviewer rejects instead.</summary>
    public bool MayBeWithdrawnBy(Actor actor, bool ownsAccount) => WasRequestedBy(actor) || ownsAccount;

    /// <summary>Four eyes: a reviewer may not approve its own request; an account's self-service policy approves at once.</summary>
    public Result Approve(Actor reviewer, DateTime now, long feeCents, bool bySelfServicePolicy = false)
    {
        if (Status != ReleaseRequestStatus.Pending)
        {
            return ReleaseErrors.AlreadyDecided(this);
        }

        if (WasRequestedBy(reviewer) && !bySelfServicePolicy)
        {
            return ReleaseErrors.SelfApproval();
        }

        Decide(ReleaseRequestStatus.Approved, reviewer, now, bySelfServicePolicy ? "Approved at once by the account's self-service release policy" : null);
        FeeCents = feeCents;
        return Result.Success();
    }

    public Result Reject(Actor reviewer, DateTime now, string note)
    {
        if (Status != ReleaseRequestStatus.Pending)
        {
            return ReleaseErrors.AlreadyDecided(this);
        }

        Decide(ReleaseRequestStatus.Rejected, reviewer, now, note);
        return Result.Success();
    }

    public Result Withdraw(Actor actor, DateTime now)
    {
        if (Status != ReleaseRequestStatus.Pending)
        {
            return ReleaseErrors.AlreadyDecided(this);
        }

        Decide(ReleaseRequestStatus.Withdrawn, actor, now, null);
        return Result.Success();
    }

    /// <summary>The release this request led to was cancelled during cooling-off: its fee is not charged.</summary>
    public void VoidFee(DateTime now)
    {
        if (Status == ReleaseRequestStatus.Approved && FeeVoidedAt is null)
        {
            FeeVoidedAt = now;
            Version++;
        }
    }

    private void Decide(ReleaseRequestStatus status, Actor actor, DateTime now, string? note)
    {
        Status = status;
        DecidedById = actor.UserId;
        DecidedByName = actor.Name;
        DecidedAt = now;
        DecisionNote = note;
        Version++;
    }
}
