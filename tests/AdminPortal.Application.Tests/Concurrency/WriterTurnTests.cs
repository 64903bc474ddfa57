using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Concurrency;

/// <summary>
/// Writers to the SQLite file wait for their turn in the portal, not in SQLite's busy loop, which sleeps on the writer's
/// thread and lets a writer wait out the busy timeout while others keep getting in (decision 0023).
/// </summary>
public sealed class WriterTurnTests
{
    [Fact]
    public async Task A_save_while_another_writer_holds_the_file_waits_without_holding_its_thread_and_commits_after_it()
    {
        Assert.SkipWhen(TestDatabase.OnPostgres, "PostgreSQL queues its writers itself");
        await using var db = await TestDatabase.CreateAsync();
        var number = await (await Portal.CreateAsync(db)).NumberAsync();
        await using var holder = db.NewContext();
        await using var writer = await ChangedCopyAsync(db, number.Id);

        var transaction = await holder.BeginSerializedAsync(Ct);
        // SQLite's own wait would block inside this call until the other transaction ended or the busy timeout passed.
        var save = writer.CommitAsync(Ct);
        Assert.False(save.IsCompleted);
        await transaction.CommitAsync(Ct);

        (await save).Succeeded();
        Assert.Equal("Spring sale", (await db.LoadNumberAsync(number.Id)).ActiveCampaign);
    }

    [Theory]
    [InlineData("commit")]
    [InlineData("rollback")]
    [InlineData("dispose")]
    [InlineData("dispose its context")]
    public async Task A_serialized_transaction_gives_the_writers_turn_back_however_it_ends(string ending)
    {
        Assert.SkipWhen(TestDatabase.OnPostgres, "PostgreSQL queues its writers itself");
        await using var db = await TestDatabase.CreateAsync();
        var number = await (await Portal.CreateAsync(db)).NumberAsync();
        await using var holder = db.NewContext();
        await using var writer = await ChangedCopyAsync(db, number.Id);

        var transaction = await holder.BeginSerializedAsync(Ct);
        await (ending switch
        {
            "commit" => transaction.CommitAsync(Ct),
            "rollback" => transaction.RollbackAsync(Ct),
            "dispose" => transaction.DisposeAsync().AsTask(),
            _ => holder.DisposeAsync().AsTask(),
        });

        // A turn not given back would hold this save for the busy timeout (10 s here).
        (await writer.CommitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(3), Ct)).Succeeded();
    }

    private static async Task<PortalDbContext> ChangedCopyAsync(TestDatabase db, string numberId)
    {
        var writer = db.NewContext();
        var copy = await writer.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == numberId, Ct);
        copy.SetActiveCampaign("Spring sale");
        return writer;
    }
}
