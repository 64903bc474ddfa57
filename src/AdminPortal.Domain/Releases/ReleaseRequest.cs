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

    /// <summary>Approved to be released at the end of the billing cycle; the number stays in service until then.</summary>
    Scheduled,
}

/// <summary>When an approved release happens: at once, or when the current billing cycle ends.</summary>
public enum ReleaseTiming
{
    Now,
    EndOfBillingCycle,
}

/// <summary>An owner's request to release a number, and the decision on it.</summary>
public sealed class ReleaseRequest
{
    public const string IdPrefix = "rr_";

    private ReleaseRequest()
    {
    }

    public ReleaseRequest(
        string id, PhoneNumber number, ReleaseReason reason, Actor requester, DateTime now, ReleaseTiming timing = ReleaseTiming.Now,
        string? batchId = null, IReadOnlyList<string>? secondApprovalReasons = null)
    {
        Id = id;
        Timing = timing;
        BatchId = batchId;
        SecondApprovalReasons = secondApprovalReasons is { Count: > 0 } reasons ? string.Join("; ", reasons) : null;
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

    public ReleaseTiming Timing { get; private set; }

    /// <summary>When a release approved for the end of the billing cycle happens.</summary>
    public DateTime? ScheduledFor { get; private set; }

    /// <summary>The requests made together in one bulk release share it.</summary>
    public string? BatchId { get; private set; }

    /// <summary>Why two different reviewers must approve (toll-free, A2P, many calls, a large batch); null when one suffices.</summary>
    public string? SecondApprovalReasons { get; private set; }

    public bool NeedsSecondApproval => SecondApprovalReasons is not null;

    public string? FirstApprovedById { get; private set; }

    public string? FirstApprovedByName { get; private set; }

    public DateTime? FirstApprovedAt { get; private set; }

    /// <summary>Whether the next approval is the first of two: it is recorded, and the request keeps waiting.</summary>
    public bool AwaitsFirstOfTwoApprovals => Status == ReleaseRequestStatus.Pending && NeedsSecondApproval && FirstApprovedById is null;

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

        if (AwaitsFirstOfTwoApprovals)
        {
            return number.ApprovalBlockers() is [var blocker, ..] ? blocker : FirstApproval(reviewer, now);
        }

        if (NeedsSecondApproval && FirstApprovedById == reviewer.UserId)
        {
            return Pending().Then(() => ReleaseErrors.SameSecondApprover(FirstApprovedByName!));
        }

        return ApproveAndRelease(reviewer, number, now, terms, note: null);
    }

    /// <summary>
    /// A release approved for the end of the billing cycle happens: once, when that time has come. The fee is the one due at
    /// the cycle's end; the cooling-off period starts when the number is actually released, so a late run takes none of it.
    /// </summary>
    public Result ReleaseOnSchedule(PhoneNumber number, DateTime now, ReleaseTerms terms)
    {
        if (Status != ReleaseRequestStatus.Scheduled || ScheduledFor is not { } at || at > now)
        {
            return ReleaseErrors.AlreadyDecided(this);
        }

        var fee = terms.FeeFor(number.PurchasedAt, at);
        return number.Release(now, terms).Then(() =>
        {
            FeeCents = fee.Cents;
            Status = ReleaseRequestStatus.Approved;
            return Result.Success();
        });
    }

    /// <summary>
    /// An owner's request on an account whose policy is self-service is approved at once, as its own decision; on any other
    /// account the requester cannot approve it.
    /// </summary>
    public Result ApproveAtOnce(Account account, PhoneNumber number, DateTime now, ReleaseTerms terms)
    {
        if (account.Id != AccountId || !account.ApprovesReleasesAtOnceFor(RequestedById) || NeedsSecondApproval)
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

    /// <summary>Taken back while waiting for a decision, or, approved for the end of the billing cycle, until it happens.</summary>
    public Result Withdraw(Actor actor, DateTime now) =>
        Status is ReleaseRequestStatus.Pending or ReleaseRequestStatus.Scheduled ? Decide(ReleaseRequestStatus.Withdrawn, actor, now, null) : ReleaseErrors.AlreadyDecided(this);

    /// <summary>The release this request led to was cancelled during cooling-off: its fee is not charged.</summary>
    public void VoidFee(DateTime now)
    {
        if (Status == ReleaseRequestStatus.Approved && FeeVoidedAt is null)
        {
            FeeVoidedAt = now;
        }
    }

    /// <summary>When the number is released if the request is approved at <paramref name="now"/>: at once, or when its billing cycle ends.</summary>
    public DateTime ReleasedAtIfApproved(PhoneNumber number, DateTime now) =>
        Timing == ReleaseTiming.EndOfBillingCycle ? ReleasePreview.BillingCycleEnd(number.NextBillingAt, now) : now;

    private Result Pending() => Status == ReleaseRequestStatus.Pending ? Result.Success() : ReleaseErrors.AlreadyDecided(this);

    private Result ApproveAndRelease(Actor approver, PhoneNumber number, DateTime now, ReleaseTerms terms, string? note)
    {
        if (number.Id != PhoneNumberId)
        {
            throw new InvalidOperationException($"Request {Id} is about {PhoneNumberId}, not {number.Id}");
        }

        if (Timing == ReleaseTiming.EndOfBillingCycle)
        {
            // The number stays in service, pending its release, until the cycle the owner has paid for ends.
            return Pending()
                .Then(() => number.ApprovalBlockers() is [var blocker, ..] ? blocker : Result.Success())
                .Then(() =>
                {
                    ScheduledFor = ReleasedAtIfApproved(number, now);
                    return Decide(ReleaseRequestStatus.Scheduled, approver, now, note);
                });
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

    private Result FirstApproval(Actor reviewer, DateTime now)
    {
        FirstApprovedById = reviewer.UserId;
        FirstApprovedByName = reviewer.Name;
        FirstApprovedAt = now;
        return Result.Success();
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
