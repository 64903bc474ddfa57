using System.Linq.Expressions;
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
    /// <summary>Whether a release can still be cancelled: the one definition, for this class and for queries.</summary>
    public static readonly Expression<Func<PhoneNumber, DateTime, bool>> Cancellable =
        (n, now) => n.Status == NumberStatus.Released && now < n.AvailableAfter;

    private static readonly Func<PhoneNumber, DateTime, bool> IsCancellable = Cancellable.Compile();

    public const string IdPrefix = "phn_";
    public const int LabelMaxLength = 100;

    private readonly List<AttachedAgent> _agents = [];

    /// <summary>Only a number just bought (made with the public constructor, not loaded) is provisioned, and once.</summary>
    private bool _provisionable;

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
        _provisionable = true;
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

    /// <summary>Calls the number carried in the last 30 days, as the platform reports them.</summary>
    public int CallsLast30Days { get; private set; }

    public NumberStatus Status { get; private set; }

    public DateTime? ReleasedAt { get; private set; }

    public DateTime? AvailableAfter { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    /// <summary>Trunk group and routing as they were before the release, so that a cancel restores them exactly.</summary>
    public string? TrunkGroupBeforeRelease { get; private set; }

    public string? InboundRoutingBeforeRelease { get; private set; }

    /// <summary>Optimistic concurrency token, raised by the persistence on every saved change: a save whose loaded version is stale fails.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AttachedAgent> Agents => _agents;

    public bool CanCancelReleaseAt(DateTime now) => IsCancellable(this, now);

    /// <summary>How the platform set the number up when it was bought: once, on a number just made, never on one loaded.</summary>
    public PhoneNumber Provision(
        string? trunkGroup = null,
        string? inboundRouting = null,
        A2pStatus a2p = A2pStatus.None,
        string? activeCampaign = null,
        int callsInProgress = 0,
        IEnumerable<AttachedAgent>? agents = null,
        int callsLast30Days = 0)
    {
        if (!_provisionable)
        {
            throw new InvalidOperationException($"{E164} is already in service; change it through its named moves");
        }

        _provisionable = false;
        TrunkGroup = trunkGroup;
        InboundRouting = inboundRouting;
        A2pStatus = a2p;
        ActiveCampaign = activeCampaign;
        CallsInProgress = Math.Max(0, callsInProgress);
        CallsLast30Days = Math.Max(0, callsLast30Days);
        _agents.AddRange(agents ?? []);
        return this;
    }

    /// <summary>The platform attached a voice agent; a number that is released or returned takes none.</summary>
    public Result AttachAgent(AttachedAgent agent) => InService().Then(() =>
    {
        if (_agents.Any(a => a.AgentId == agent.AgentId))
        {
            return Result.Success();
        }

        _agents.Add(agent);
        return Result.Success();
    });

    /// <summary>The platform reports the calls on the number; a number that is released or returned carries none.</summary>
    public Result SetCallsInProgress(int calls) => calls < 0
        ? throw new ArgumentOutOfRangeException(nameof(calls), calls, "Calls in progress cannot be negative")
        : calls == 0 ? Assign(() => CallsInProgress = 0) : InService().Then(() => Assign(() => CallsInProgress = calls));

    /// <summary>The platform put the number into a campaign, or took it out (null).</summary>
    public Result SetActiveCampaign(string? campaign) => campaign is null
        ? Assign(() => ActiveCampaign = null)
        : InService().Then(() => Assign(() => ActiveCampaign = campaign));

    public Result<AttachedAgent> DetachAgent(string agentId)
    {
        var agent = _agents.FirstOrDefault(a => a.AgentId == agentId);
        if (agent is null)
        {
            return Errors.AgentMissing(agentId, E164);
        }

        _agents.Remove(agent);
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
        TrunkGroupBeforeRelease = TrunkGroup;
        InboundRoutingBeforeRelease = InboundRouting;
        TrunkGroup = null;
        InboundRouting = null;
        return Result.Success();
    }

    public Result CancelRelease(DateTime now)
    {
        if (!CanCancelReleaseAt(now))
        {
            return Status is NumberStatus.Released or NumberStatus.Returned
                ? ReleaseErrors.CoolingOffOver(E164, AvailableAfter!.Value)
                : ReleaseErrors.NotReleased(E164, Status);
        }

        Status = NumberStatus.Active;
        TrunkGroup = TrunkGroupBeforeRelease;
        InboundRouting = InboundRoutingBeforeRelease;
        TrunkGroupBeforeRelease = null;
        InboundRoutingBeforeRelease = null;
        ReleasedAt = null;
        AvailableAfter = null;
        return Result.Success();
    }

    public Result ReturnToInventory(DateTime now)
    {
        if (Status != NumberStatus.Released)
        {
            return ReleaseErrors.NotReleased(E164, Status);
        }

        if (CanCancelReleaseAt(now))
        {
            return ReleaseErrors.StillCoolingOff(E164, AvailableAfter!.Value);
        }

        Status = NumberStatus.Returned;
        ReturnedAt = now;
        TrunkGroupBeforeRelease = null;
        InboundRoutingBeforeRelease = null;
        return Result.Success();
    }

    /// <summary>The cancellation rule as a query condition at the given time.</summary>
    public static Expression<Func<PhoneNumber, bool>> CancellableAt(DateTime now)
    {
        var number = Cancellable.Parameters[0];
        var at = Expression.Field(Expression.Constant(new StrongBox(now)), nameof(StrongBox.Value));
        return Expression.Lambda<Func<PhoneNumber, bool>>(new Substitute(Cancellable.Parameters[1], at).Visit(Cancellable.Body), number);
    }

    /// <summary>Released numbers whose cooling-off period has ended: released, and no longer cancellable.</summary>
    public static Expression<Func<PhoneNumber, bool>> CoolingOffEndedAt(DateTime now)
    {
        var cancellable = CancellableAt(now);
        var number = cancellable.Parameters[0];
        var released = Expression.Equal(Expression.Property(number, nameof(Status)), Expression.Constant(NumberStatus.Released));
        return Expression.Lambda<Func<PhoneNumber, bool>>(Expression.AndAlso(released, Expression.Not(cancellable.Body)), number);
    }

    private Result InService() => Status is NumberStatus.Released or NumberStatus.Returned ? ReleaseErrors.NotInService(E164, Status) : Result.Success();

    private static Result Assign(Action assign)
    {
        assign();
        return Result.Success();
    }

    /// <summary>Holds a moment as a field, so that a query reads it as a parameter rather than a constant.</summary>
    private sealed class StrongBox(DateTime value)
    {
        public readonly DateTime Value = value;
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
