using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Concurrency;

/// <summary>
/// Writers to the SQLite file wait for their turn in the portal, not in SQLite's busy loop, which sleeps on the writer's
/// thread and lets a writer wait out the busy timeout while others keep getting in (decision 0023).
/// </summary>
public sealed class WriterTurnTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PortalDbContext _holder = null!;
    private PortalDbContext _writer = null!;
    private string _numberId = null!;

    /// <summary>A number, a context to hold the file, and a second one with a change to the number waiting to be saved.</summary>
    public async ValueTask InitializeAsync()
    {
        Assert.SkipWhen(TestDatabase.OnPostgres, "PostgreSQL queues its writers itself");
        _db = await TestDatabase.CreateAsync();
        _numberId = (await (await Portal.CreateAsync(_db)).NumberAsync()).Id;
        _holder = _db.NewContext();
        _writer = _db.NewContext();
        var copy = await _writer.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == _numberId, Ct);
        copy.SetActiveCampaign("Spring sale");
    }

    [Fact]
    public async Task A_save_while_another_writer_holds_the_file_waits_without_holding_its_thread_and_commits_after_it()
    {
        var transaction = await _holder.BeginSerializedAsync(Ct);
        // SQLite's own wait would block inside this call until the other transaction ended or the busy timeout passed.
        var save = _writer.CommitAsync(Ct);
        Assert.False(save.IsCompleted);
        await transaction.CommitAsync(Ct);

        (await save).Succeeded();
        Assert.Equal("Spring sale", (await _db.LoadNumberAsync(_numberId)).ActiveCampaign);
    }

    [Theory]
    [InlineData("commit")]
    [InlineData("rollback")]
    [InlineData("dispose")]
    [InlineData("dispose its context")]
    public async Task A_serialized_transaction_gives_the_writers_turn_back_however_it_ends(string ending)
    {
        var transaction = await _holder.BeginSerializedAsync(Ct);
        await (ending switch
        {
            "commit" => transaction.CommitAsync(Ct),
            "rollback" => transaction.RollbackAsync(Ct),
            "dispose" => transaction.DisposeAsync().AsTask(),
            _ => _holder.DisposeAsync().AsTask(),
        });

        // A turn not given back would hold this save for the busy timeout (10 s here).
        (await _writer.CommitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(3), Ct)).Succeeded();
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        await _writer.DisposeAsync();
        await _holder.DisposeAsync();
        await _db.DisposeAsync();
    }
}
