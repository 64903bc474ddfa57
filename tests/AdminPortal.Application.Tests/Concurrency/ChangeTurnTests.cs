namespace AdminPortal.Application.Tests.Concurrency;

/// <summary>Changes of one item in a process do not overlap; the ones that waited go on together once it has ended.</summary>
public sealed class ChangeTurnTests
{
    private static readonly string Item = ChangeTurns.KeyOf<ChangeTurnTests>("item_1");

    [Fact]
    public async Task A_change_that_finds_one_under_way_waits_for_it_to_end_then_goes_on_without_a_turn()
    {
        var turns = new ChangeTurns();
        var first = await turns.TakeAsync(Item, Ct);
        var second = turns.TakeAsync(Item, Ct);
        var third = turns.TakeAsync(Item, Ct);

        await Task.Yield();
        Assert.False(second.IsCompleted || third.IsCompleted);
        first!.Dispose();

        Assert.Null(await second);
        Assert.Null(await third);
        using var next = await turns.TakeAsync(Item, Ct);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Changes_of_different_items_each_get_a_turn_at_once()
    {
        var turns = new ChangeTurns();

        using var one = await turns.TakeAsync(Item, Ct);
        using var other = await turns.TakeAsync(ChangeTurns.KeyOf<ChangeTurnTests>("item_2"), Ct);

        Assert.NotNull(one);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task A_waiting_change_whose_caller_gives_up_stops_waiting_and_leaves_the_turn_with_its_holder()
    {
        var turns = new ChangeTurns();
        using var holder = await turns.TakeAsync(Item, Ct);
        using var givenUp = new CancellationTokenSource();
        var waiting = turns.TakeAsync(Item, givenUp.Token);

        await givenUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var another = turns.TakeAsync(Item, Ct);
        Assert.False(another.IsCompleted);
        holder!.Dispose();
        Assert.Null(await another);
    }
}
