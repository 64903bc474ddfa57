using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Numbers;

/// <summary>Releasing a number and cancelling the release during cooling-off.</summary>
public sealed class PhoneNumberReleaseTests
{
    [Fact]
    public void Release_starts_the_cooling_off_and_detaches_trunk_group_and_routing_keeping_their_values()
    {
        var number = A.NumberIn(NumberStatus.ReleasePending);

        number.Release(A.Now, A.Terms).Succeeded();

        Assert.Equal(NumberStatus.Released, number.Status);
        Assert.Equal(A.Now, number.ReleasedAt);
        Assert.Equal(A.Now.AddDays(30), number.AvailableAfter);
        Assert.Null(number.TrunkGroup);
        Assert.Null(number.InboundRouting);
        Assert.Equal(A.TrunkGroup, number.TrunkGroupBeforeRelease);
        Assert.Equal(A.InboundRouting, number.InboundRoutingBeforeRelease);
    }

    [Fact]
    public void Release_uses_the_cooling_off_period_of_the_terms()
    {
        var number = A.NumberIn(NumberStatus.ReleasePending);

        number.Release(A.Now, A.Terms with { CoolingOffDays = 7 }).Succeeded();

        Assert.Equal(A.Now.AddDays(7), number.AvailableAfter);
    }

    [Fact]
    public void Cancel_one_tick_before_available_after_restores_the_number_exactly()
    {
        var number = A.Number(purchasedAt: A.Now.AddMonths(-1));
        number.MarkReleasePending().Succeeded();
        number.Release(A.Now, A.Terms).Succeeded();
        var oneTickBefore = number.AvailableAfter!.Value.AddTicks(-1);

        Assert.True(number.CanCancelReleaseAt(oneTickBefore));
        number.CancelRelease(oneTickBefore).Succeeded();

        Assert.Equal(NumberStatus.Active, number.Status);
        Assert.Equal(A.TrunkGroup, number.TrunkGroup);
        Assert.Equal(A.InboundRouting, number.InboundRouting);
        Assert.Null(number.TrunkGroupBeforeRelease);
        Assert.Null(number.InboundRoutingBeforeRelease);
        Assert.Null(number.ReleasedAt);
        Assert.Null(number.AvailableAfter);
    }

    [Fact]
    public void Cancel_at_available_after_fails_with_COOLING_OFF_EXPIRED_and_changes_nothing()
    {
        var number = A.NumberIn(NumberStatus.Released);
        var availableAfter = number.AvailableAfter!.Value;
        var before = NumberState.Of(number);

        Assert.False(number.CanCancelReleaseAt(availableAfter));
        var error = number.CancelRelease(availableAfter).Failed(Errors.CoolingOffExpired);

        Assert.Contains($"{availableAfter:yyyy-MM-dd HH:mm} UTC", error.Message);
        Assert.Equal(before, NumberState.Of(number));
    }

    [Fact]
    public void Cancel_restores_a_number_that_had_no_trunk_group_or_routing_without_inventing_one()
    {
        var number = A.Number(trunkGroup: null, inboundRouting: "sip:only-routing@pbx.example.com");
        number.MarkReleasePending().Succeeded();
        number.Release(A.Now, A.Terms).Succeeded();

        number.CancelRelease(A.Now.AddDays(1)).Succeeded();

        Assert.Null(number.TrunkGroup);
        Assert.Equal("sip:only-routing@pbx.example.com", number.InboundRouting);
    }

    [Fact]
    public void A_number_released_cancelled_and_released_again_keeps_the_values_of_the_second_release()
    {
        var number = A.NumberIn(NumberStatus.Released);
        number.CancelRelease(A.Now.AddDays(1)).Succeeded();
        number.MarkReleasePending().Succeeded();

        number.Release(A.Now.AddDays(2), A.Terms).Succeeded();

        Assert.Equal(A.Now.AddDays(2), number.ReleasedAt);
        Assert.Equal(A.Now.AddDays(32), number.AvailableAfter);
        Assert.Equal(A.TrunkGroup, number.TrunkGroupBeforeRelease);
        Assert.Equal(A.InboundRouting, number.InboundRoutingBeforeRelease);
    }

    [Fact]
    public void Released_and_returned_numbers_report_why_they_cannot_be_released_again()
    {
        var released = A.NumberIn(NumberStatus.Released);
        var returned = A.NumberIn(NumberStatus.Returned);

        var releasedBlocker = Assert.Single(released.ReleaseBlockers());
        var returnedBlocker = Assert.Single(returned.ReleaseBlockers());

        Assert.Equal(Errors.NotReleasable, releasedBlocker.Code);
        Assert.Contains("already released", releasedBlocker.Message);
        Assert.Contains("Cancel the release", releasedBlocker.Fix);
        Assert.Equal(Errors.NotReleasable, returnedBlocker.Code);
        Assert.Contains("returned to inventory", returnedBlocker.Message);
    }
}
