using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Domain.Tests.Support;

/// <summary>The people, numbers and requests the domain tests start from, at a fixed moment.</summary>
internal static class A
{
    public static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    public static readonly ReleaseTerms Terms = ReleaseTerms.Default;

    public static readonly Actor Owner = Actor.Create("usr_owner", "owner@example.com", PortalRoles.Owner);

    public static readonly Actor Reviewer = Actor.Create("usr_reviewer", "reviewer@example.com", PortalRoles.Reviewer);

    public static readonly Actor OtherReviewer = Actor.Create("usr_reviewer2", "second.reviewer@example.com", PortalRoles.Reviewer);

    public const string TrunkGroup = "tg-east-7";

    public const string InboundRouting = "sip:support@pbx.example.com";

    /// <summary>An active number with a trunk group and routing, bought a year ago, billed again in ten days.</summary>
    public static PhoneNumber Number(
        DateTime? purchasedAt = null,
        DateTime? nextBillingAt = null,
        string? trunkGroup = TrunkGroup,
        string? inboundRouting = InboundRouting,
        A2pStatus a2p = A2pStatus.None,
        string? campaign = null,
        int calls = 0,
        params AttachedAgent[] agents) =>
        new PhoneNumber(
                "phn_unit00000001",
                "acc_unit",
                E164.From("+14155551234"),
                "Support line",
                "US",
                NumberType.Local,
                "Telnyx",
                new Money(115),
                purchasedAt ?? Now.AddYears(-1),
                nextBillingAt ?? Now.AddDays(10))
            .Provision(trunkGroup, inboundRouting, a2p, campaign, calls, agents);

    /// <summary>A number brought to <paramref name="status"/> through the allowed moves: pending and released at <see cref="Now"/>, returned when its cooling-off ends.</summary>
    public static PhoneNumber NumberIn(NumberStatus status)
    {
        var number = Number();
        if (status == NumberStatus.Active)
        {
            return number;
        }

        Succeeded(number.MarkReleasePending());
        if (status == NumberStatus.ReleasePending)
        {
            return number;
        }

        Succeeded(number.Release(Now, Terms));
        if (status == NumberStatus.Released)
        {
            return number;
        }

        Succeeded(number.ReturnToInventory(number.AvailableAfter!.Value));
        return number;
    }

    public const string Reason = "Office closed; line no longer needed";

    public static ReleaseRequest Request(PhoneNumber number, Actor? requester = null) =>
        new("rr_unit00000001", number, ReleaseReason.Create(Reason).Value, requester ?? Owner, Now);

    /// <summary>A request for the number, which is marked pending as the use case does.</summary>
    public static ReleaseRequest Requested(PhoneNumber number, Actor? requester = null)
    {
        Succeeded(number.MarkReleasePending());
        return Request(number, requester);
    }

    public static DecisionNote Note(string text = "The number is still printed on the invoices") => DecisionNote.Create(text).Value;

    private static void Succeeded(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Arrange step failed: {result.Error.Code} {result.Error.Message}");
        }
    }
}
