using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Domain.Numbers;

/// <summary>
/// A number an account rents. Its status moves Active → ReleasePending → Released → Returned,
/// with ReleasePending → Active (rejected or withdrawn) and Released → Active (release cancelled);
/// every move is a named method that refuses the moves it does not allow.
/// </summary>
public sealed class PhoneNumber
{
    public const string IdPrefix = "phn_";
    public const int LabelMaxLength = 100;

    private readonly List<AttachedAgent> _agents = [];

    private PhoneNumber()
    {
    }

    public PhoneNumber(
        string id,
        string accountId,
        E164 e164,
        string label,
        string countryCode,
        NumberType type,
        string provider,
        Money monthlyPrice,
        DateTime purchasedAt,
        DateTime nextBillingAt)
    {
        Id = id;
        AccountId = accountId;
        E164 = e164.Value;
        Label = label;
        CountryCode = countryCode;
        Type = type;
        Provider = provider;
        MonthlyPriceCents = monthlyPrice.Cents;
        PurchasedAt = purchasedAt;
        NextBillingAt = nextBillingAt;
    }

    public string Id { get; private set; } = null!;

    public string AccountId { get; private set; } = null!;

    public string E164 { get; private set; } = null!;

    public string Label { get; private set; } = string.Empty;

    public string CountryCode { get; private set; } = null!;

    public NumberType Type { get; private set; }

    public string Provider { get; private set; } = null!;

    public long MonthlyPriceCents { get; private set; }

    public Money MonthlyPrice => new(MonthlyPriceCents);

    public DateTime PurchasedAt { get; private set; }

    public DateTime NextBillingAt { get; private set; }

    public A2pStatus A2pStatus { get; private set; }

    public string? TrunkGroup { get; private set; }

    public string? InboundRouting { get; private set; }

    public string? ActiveCampaign { get; private set; }

    public int CallsInProgress { get; private set; }

    public NumberStatus Status { get; private set; }

    public DateTime? ReleasedAt { get; private set; }

    public DateTime? AvailableAfter { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    public long ReleaseFeeCents { get; private set; }

    /// <summary>Trunk group and routing as they were before the release, so that a cancel restores them exactly.</summary>
    public string? TrunkGroupBeforeRelease { get; private set; }

    public string? InboundRoutingBeforeRelease { get; private set; }

    /// <summary>Optimistic concurrency token: every change below raises it, and a save whose loaded version is stale fails.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AttachedAgent> Agents => _agents;

    public bool CanCancelReleaseAt(DateTime now) => Status == NumberStatus.Released && now < AvailableAfter;

    public PhoneNumber Configure(
        string? trunkGroup = null,
        string? inboundRouting = null,
        A2pStatus a2p = A2pStatus.None,
        string? activeCampaign = null,
        int callsInProgress = 0,
        IEnumerable<AttachedAgent>? agents = null)
    {
        TrunkGroup = trunkGroup;
        InboundRouting = inboundRouting;
        A2pStatus = a2p;
        ActiveCampaign = activeCampaign;
        CallsInProgress = callsInProgress;
        _agents.AddRange(agents ?? []);
        return this;
    }

    public void AttachAgent(AttachedAgent agent)
    {
        _agents.Add(agent);
        Version++;
    }

    public void SetCallsInProgress(int calls)
    {
        CallsInProgress = calls;
        Version++;
    }

    public void SetActiveCampaign(string? campaign)
    {
        ActiveCampaign = campaign;
        Version++;
    }

    public Result<AttachedAgent> DetachAgent(string agentId)
    {
        var agent = _agents.FirstOrDefault(a => a.AgentId == agentId);
        if (agent is null)
        {
            return Errors.AgentMissing(agentId, E164);
        }

        _agents.Remove(agent);
        Version++;
        return agent;
    }

    /// <summary>What stands in the way of a release now, in the order a person should fix them.</summary>
    public IReadOnlyList<Error> ReleaseBlockers()
    {
        var blockers = new List<Error>();
        switch (Status)
        {
            case NumberStatus.ReleasePending:
                blockers.Add(ReleaseErrors.AlreadyPending(E164));
                break;
            case NumberStatus.Released or NumberStatus.Returned:
                blockers.Add(ReleaseErrors.NotReleasable(E164, Status));
                break;
        }

        if (_agents.Count > 0)
        {
            blockers.Add(ReleaseErrors.InUse(_agents.Select(a => a.Name).ToList()));
        }

        if (CallsInProgress > 0)
        {
            blockers.Add(ReleaseErrors.CallsInProgress(CallsInProgress));
        }

        if (ActiveCampaign is not null)
        {
            blockers.Add(ReleaseErrors.InCampaign(ActiveCampaign));
        }

        return blockers;
    }

    /// <summary>What stops the approval of a pending request: every blocker but the pending request itself.</summary>
    public IReadOnlyList<Error> ApprovalBlockers() => [.. ReleaseBlockers().Where(b => b.Code != Errors.ReleaseAlreadyPending)];

    public Result MarkReleasePending()
    {
        if (ReleaseBlockers() is [var first, ..])
        {
            return first;
        }

        Status = NumberStatus.ReleasePending;
        Version++;
        return Result.Success();
    }

    /// <summary>A pending release was rejected or withdrawn: the number stays with the account.</summary>
    public Result KeepActive()
    {
        if (Status != NumberStatus.ReleasePending)
        {
            return ReleaseErrors.NotReleasable(E164, Status);
        }

        Status = NumberStatus.Active;
        Version++;
        return Result.Success();
    }

    public Result Release(DateTime now, ReleaseTerms terms)
    {
        if (Status != NumberStatus.ReleasePending)
        {
            return ReleaseErrors.NotReleasable(E164, Status);
        }

        if (ApprovalBlockers().FirstOrDefault() is { } blocker)
        {
            return blocker;
        }

        Status = NumberStatus.Released;
        ReleasedAt = now;
        AvailableAfter = terms.AvailableAfter(now);
        ReleaseFeeCents = terms.FeeFor(PurchasedAt, now).Cents;
        TrunkGroupBeforeRelease = TrunkGroup;
        InboundRoutingBeforeRelease = InboundRouting;
        TrunkGroup = null;
        InboundRouting = null;
        Version++;
        return Result.Success();
    }

    public Result CancelRelease(DateTime now)
    {
        if (Status == NumberStatus.Returned || (Status == NumberStatus.Released && now >= AvailableAfter))
        {
            return ReleaseErrors.CoolingOffOver(E164, AvailableAfter!.Value);
        }

        if (Status != NumberStatus.Released)
        {
            return ReleaseErrors.NotReleased(E164, Status);
        }

        Status = NumberStatus.Active;
        TrunkGroup = TrunkGroupBeforeRelease;
        InboundRouting = InboundRoutingBeforeRelease;
        TrunkGroupBeforeRelease = null;
        InboundRoutingBeforeRelease = null;
        ReleasedAt = null;
        AvailableAfter = null;
        ReleaseFeeCents = 0;
        Version++;
        return Result.Success();
    }

    public Result ReturnToInventory(DateTime now)
    {
        if (Status != NumberStatus.Released)
        {
            return ReleaseErrors.NotReleased(E164, Status);
        }

        if (now < AvailableAfter)
        {
            return ReleaseErrors.StillCoolingOff(E164, AvailableAfter!.Value);
        }

        Status = NumberStatus.Returned;
        ReturnedAt = now;
        TrunkGroupBeforeRelease = null;
        InboundRoutingBeforeRelease = null;
        Version++;
        return Result.Success();
    }
}
