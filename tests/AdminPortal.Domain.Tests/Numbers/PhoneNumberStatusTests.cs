using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Numbers;

/// <summary>The status machine: Active → ReleasePending → Released → Returned, ReleasePending → Active, Released → Active.</summary>
public sealed class PhoneNumberStatusTests
{
    public enum Move
    {
        MarkReleasePending,
        KeepActive,
        Release,
        CancelRelease,
        ReturnToInventory,
    }

    public static TheoryData<NumberStatus, Move, NumberStatus> AllowedMoves => new()
    {
        { NumberStatus.Active, Move.MarkReleasePending, NumberStatus.ReleasePending },
        { NumberStatus.ReleasePending, Move.KeepActive, NumberStatus.Active },
        { NumberStatus.ReleasePending, Move.Release, NumberStatus.Released },
        { NumberStatus.Released, Move.CancelRelease, NumberStatus.Active },
        { NumberStatus.Released, Move.ReturnToInventory, NumberStatus.Returned },
    };

    /// <summary>Every other move from every status, with the code it is refused with.</summary>
    public static TheoryData<NumberStatus, Move, string> RefusedMoves => new()
    {
        { NumberStatus.Active, Move.KeepActive, Errors.NotReleasable },
        { NumberStatus.Active, Move.Release, Errors.NotReleasable },
        { NumberStatus.Active, Move.CancelRelease, Errors.NotReleasable },
        { NumberStatus.Active, Move.ReturnToInventory, Errors.NotReleasable },
        { NumberStatus.ReleasePending, Move.MarkReleasePending, Errors.ReleaseAlreadyPending },
        { NumberStatus.ReleasePending, Move.CancelRelease, Errors.NotReleasable },
        { NumberStatus.ReleasePending, Move.ReturnToInventory, Errors.NotReleasable },
        { NumberStatus.Released, Move.MarkReleasePending, Errors.NotReleasable },
        { NumberStatus.Released, Move.KeepActive, Errors.NotReleasable },
        { NumberStatus.Released, Move.Release, Errors.NotReleasable },
        { NumberStatus.Returned, Move.MarkReleasePending, Errors.NotReleasable },
        { NumberStatus.Returned, Move.KeepActive, Errors.NotReleasable },
        { NumberStatus.Returned, Move.Release, Errors.NotReleasable },
        { NumberStatus.Returned, Move.CancelRelease, Errors.CoolingOffExpired },
        { NumberStatus.Returned, Move.ReturnToInventory, Errors.NotReleasable },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_changes_the_status(NumberStatus from, Move move, NumberStatus to)
    {
        var number = A.NumberIn(from);

        Apply(number, move).Succeeded();

        Assert.Equal(to, number.Status);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void A_refused_move_gives_its_code_and_changes_nothing(NumberStatus from, Move move, string code)
    {
        var number = A.NumberIn(from);
        var before = NumberState.Of(number);

        Apply(number, move).Failed(code);

        Assert.Equal(before, NumberState.Of(number));
    }

    [Fact]
    public void Return_to_inventory_is_refused_one_tick_before_the_cooling_off_ends()
    {
        var number = A.NumberIn(NumberStatus.Released);
        var before = NumberState.Of(number);

        var error = number.ReturnToInventory(number.AvailableAfter!.Value.AddTicks(-1)).Failed(Errors.NotReleasable);

        Assert.Contains("cooling-off", error.Message);
        Assert.Equal(before, NumberState.Of(number));
    }

    [Fact]
    public void Return_to_inventory_at_available_after_marks_the_number_returned_and_forgets_the_old_routing()
    {
        var number = A.NumberIn(NumberStatus.Released);
        var availableAfter = number.AvailableAfter!.Value;

        number.ReturnToInventory(availableAfter).Succeeded();

        Assert.Equal(NumberStatus.Returned, number.Status);
        Assert.Equal(availableAfter, number.ReturnedAt);
        Assert.Null(number.TrunkGroupBeforeRelease);
        Assert.Null(number.InboundRoutingBeforeRelease);
        Assert.False(number.CanCancelReleaseAt(availableAfter));
    }

    [Theory]
    [InlineData(Move.MarkReleasePending)]
    [InlineData(Move.Release)]
    public void A_number_with_an_agent_attached_cannot_go_further_towards_release(Move move)
    {
        var number = A.NumberIn(move == Move.Release ? NumberStatus.ReleasePending : NumberStatus.Active);
        number.AttachAgent(new AttachedAgent("agt_1", "Support Bot"));
        var before = NumberState.Of(number);

        Apply(number, move).Failed(Errors.NumberInUse);

        Assert.Equal(before, NumberState.Of(number));
    }

    [Fact]
    public void Release_is_refused_when_calls_started_while_the_request_was_pending()
    {
        var number = A.NumberIn(NumberStatus.ReleasePending);
        number.SetCallsInProgress(2);
        var before = NumberState.Of(number);

        number.Release(A.Now, A.Terms).Failed(Errors.CallsInProgress);

        Assert.Equal(before, NumberState.Of(number));
    }

    [Fact]
    public void Release_is_refused_when_the_number_joined_a_campaign_while_the_request_was_pending()
    {
        var number = A.NumberIn(NumberStatus.ReleasePending);
        number.SetActiveCampaign("Black Friday outreach");
        var before = NumberState.Of(number);

        number.Release(A.Now, A.Terms).Failed(Errors.ActiveCampaign);

        Assert.Equal(before, NumberState.Of(number));
    }

    [Theory]
    [InlineData(NumberStatus.Released)]
    [InlineData(NumberStatus.Returned)]
    public void A_number_out_of_service_takes_no_agent_call_or_campaign_and_changes_nothing(NumberStatus status)
    {
        var number = A.NumberIn(status);
        var before = NumberState.Of(number);

        number.AttachAgent(new AttachedAgent("agt_1", "Support Bot")).Failed(Errors.NotReleasable);
        number.SetCallsInProgress(1).Failed(Errors.NotReleasable);
        number.SetActiveCampaign("Spring sale").Failed(Errors.NotReleasable);

        Assert.Equal(before, NumberState.Of(number));
        Assert.Equal((0, (string?)null), (number.CallsInProgress, number.ActiveCampaign));
    }

    [Theory]
    [InlineData(NumberStatus.Active)]
    [InlineData(NumberStatus.ReleasePending)]
    public void A_number_in_service_takes_agents_calls_and_campaigns_and_lets_them_go(NumberStatus status)
    {
        var number = A.NumberIn(status);

        number.AttachAgent(new AttachedAgent("agt_1", "Support Bot")).Succeeded();
        number.AttachAgent(new AttachedAgent("agt_1", "Support Bot")).Succeeded();
        number.SetCallsInProgress(2).Succeeded();
        number.SetActiveCampaign("Spring sale").Succeeded();

        Assert.Equal((1, 2, "Spring sale"), (number.Agents.Count, number.CallsInProgress, number.ActiveCampaign));
        number.SetCallsInProgress(0).Succeeded();
        number.SetActiveCampaign(null).Succeeded();
        number.DetachAgent("agt_1").Succeeded();
        Assert.Equal((0, 0, (string?)null), (number.Agents.Count, number.CallsInProgress, number.ActiveCampaign));
    }

    [Fact]
    public void Negative_calls_in_progress_are_a_broken_invariant()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => A.Number().SetCallsInProgress(-1));
    }

    [Fact]
    public void A_number_is_provisioned_once_and_never_again_through_provisioning()
    {
        var number = A.Number();

        var error = Assert.Throws<InvalidOperationException>(() => number.Provision(trunkGroup: "tg-other"));

        Assert.Contains("named moves", error.Message);
        Assert.Equal(A.TrunkGroup, number.TrunkGroup);
    }

    [Fact]
    public void Detaching_an_agent_that_is_not_attached_fails_with_AGENT_NOT_FOUND_and_changes_nothing()
    {
        var number = A.Number(agents: new AttachedAgent("agt_1", "Support Bot"));
        var before = NumberState.Of(number);

        var error = number.DetachAgent("agt_missing").Failed(Errors.AgentNotFound);

        Assert.Contains("agt_missing", error.Message);
        Assert.Equal(before, NumberState.Of(number));
    }

    [Fact]
    public void Detaching_an_agent_removes_only_that_agent()
    {
        var number = A.Number(agents: [new AttachedAgent("agt_1", "Support Bot"), new AttachedAgent("agt_2", "Sales Line")]);

        var detached = number.DetachAgent("agt_1").Succeeded();

        Assert.Equal("Support Bot", detached.Name);
        Assert.Equal(["agt_2"], number.Agents.Select(a => a.AgentId));
    }

    private static Result Apply(PhoneNumber number, Move move)
    {
        var at = number.ReturnedAt ?? number.ReleasedAt ?? A.Now;
        return move switch
        {
            Move.MarkReleasePending => number.MarkReleasePending(),
            Move.KeepActive => number.KeepActive(),
            Move.Release => number.Release(at, A.Terms),
            Move.CancelRelease => number.CancelRelease(at),
            Move.ReturnToInventory => number.ReturnToInventory(number.Status == NumberStatus.Released ? number.AvailableAfter!.Value : at),
            _ => throw new ArgumentOutOfRangeException(nameof(move)),
        };
    }
}
