using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdminPortal.Infrastructure.Persistence;

/// <summary>
/// This process's writers to one SQLite file take turns in the order they ask. SQLite lets one writer in at a time and
/// makes the others poll: a writer that finds the file locked sleeps on its thread (1 ms, then longer, up to 100 ms) and
/// tries again, so under load the lock stands free while the next writer sleeps, and every sleeping writer holds a pool
/// thread. Waiting here instead wakes the next writer as the last one ends, first come first served, holding no thread
/// (decision 0023). Writers in other processes still meet SQLite's own wait; so does a writer whose turn does not come
/// within the busy timeout, after that wait.
/// </summary>
internal sealed class WriterTurns(int busyTimeoutMilliseconds) : IInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    /// <summary>The turn, to dispose when the write has ended; null when it did not come in time.</summary>
    public async ValueTask<IDisposable?> TakeAsync(string dataSource, CancellationToken cancellationToken)
    {
        var gate = Files.GetOrAdd(dataSource, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(busyTimeoutMilliseconds, cancellationToken) ? new Turn(gate) : null;
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    /// <summary>
    /// A transaction that gives its writer's turn back once it has ended: committed, rolled back or disposed (and, should
    /// none of these happen, its context gives the turn back when it is disposed).
    /// </summary>
    internal sealed class Held(IDbContextTransaction transaction, IDisposable turn) : IDbContextTransaction
    {
        public Guid TransactionId => transaction.TransactionId;

        public void Commit()
        {
            transaction.Commit();
            turn.Dispose();
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await transaction.CommitAsync(cancellationToken);
            turn.Dispose();
        }

        public void Rollback()
        {
            transaction.Rollback();
            turn.Dispose();
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            await transaction.RollbackAsync(cancellationToken);
            turn.Dispose();
        }

        public void Dispose()
        {
            using (turn)
            {
                transaction.Dispose();
            }
        }

        public async ValueTask DisposeAsync()
        {
            using (turn)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
