using AdminPortal.Infrastructure.Persistence;
using AdminPortal.Infrastructure.Throttling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Throttling;

public sealed class WindowCounterTests
{
    [Theory]
    [InlineData("database")]
    [InlineData("memory")]
    public async Task A_counter_sums_the_last_minutes_of_its_key_alone_and_forgets_what_the_sweep_drops(string kind)
    {
        await using var db = await TestDatabase.CreateAsync();
        var counter = Counter(kind, db);

        Assert.Equal(1, await counter.CountAsync("a", 3, Ct));
        Assert.Equal(2, await counter.CountAsync("a", 3, Ct));
        Assert.Equal(1, await counter.CountAsync("b", 3, Ct));
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, await counter.CountAsync("a", 3, Ct));
        Assert.Equal(2, await counter.CountAsync("a", 1, Ct));
        db.Clock.Advance(TimeSpan.FromMinutes(1));

        // The first minute's events left the three-minute window; the third minute's two are still in it.
        Assert.Equal(2, await counter.SumAsync("a", 3, Ct));
        Assert.Equal(0, await counter.SumAsync("b", 3, Ct));

        // The first minute's windows of both keys go; the later one stays.
        Assert.Equal(2, await counter.SweepAsync(2, Ct));
        Assert.Equal(2, await counter.SumAsync("a", 60, Ct));
    }

    [Theory]
    [InlineData("database")]
    [InlineData("memory")]
    public async Task Taking_an_event_back_removes_the_newest_in_the_window_and_never_goes_below_zero(string kind)
    {
        await using var db = await TestDatabase.CreateAsync();
        var counter = Counter(kind, db);
        await counter.CountAsync("a", 3, Ct);
        await counter.CountAsync("b", 3, Ct);
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await counter.CountAsync("a", 3, Ct);

        await counter.UncountAsync("a", 3, Ct);
        Assert.Equal(1, await counter.SumAsync("a", 3, Ct));
        Assert.Equal(0, await counter.SumAsync("a", 1, Ct));

        // The earlier minute's event goes next; then there is nothing left to take back, and "b" kept its own.
        await counter.UncountAsync("a", 3, Ct);
        await counter.UncountAsync("a", 3, Ct);
        Assert.Equal(0, await counter.SumAsync("a", 3, Ct));
        Assert.Equal(1, await counter.CountAsync("a", 3, Ct));
        Assert.Equal(1, await counter.SumAsync("b", 3, Ct));
    }

    private static WindowCounter Counter(string kind, TestDatabase db) => kind == "database"
        ? new DatabaseWindowCounter(db.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), db.Clock)
        : new MemoryWindowCounter(db.Clock);
}
