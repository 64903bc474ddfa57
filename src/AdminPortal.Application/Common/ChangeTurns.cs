using System.Collections.Concurrent;

namespace AdminPortal.Application.Common;

/// <summary>
/// Changes of one item in this process do not overlap: a change that finds another one of the item under way waits for it
/// to end before it reads the item (decision 0025). Reviewers racing on one request then wait for one write, instead of
/// each reading the request pending and queueing for a save that is bound to clash, and each is told what the winner did
/// (the request is already decided). The database's row versions still decide between processes (several instances on
/// PostgreSQL), between changes that waited for the same one, and with one that arrives while they go on.
/// </summary>
public sealed class ChangeTurns
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _underWay = new(StringComparer.Ordinal);

    /// <summary>The key of an entity of type <typeparamref name="T"/> by its id.</summary>
    public static string KeyOf<T>(string id) => $"{typeof(T).Name} {id}";

    /// <summary>
    /// This change's turn, to dispose when it has ended; or, when another change of <paramref name="key"/> was under way,
    /// null once that one has ended (the waiters then go on side by side: most only read that the item changed).
    /// </summary>
    public async Task<IDisposable?> TakeAsync(string key, CancellationToken ct)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var underWay = _underWay.GetOrAdd(key, mine);
        if (underWay == mine)
        {
            return new Turn(this, key, mine);
        }

        await underWay.Task.WaitAsync(ct);
        return null;
    }

    private sealed class Turn(ChangeTurns turns, string key, TaskCompletionSource mine) : IDisposable
    {
        public void Dispose()
        {
            if (turns._underWay.TryRemove(KeyValuePair.Create(key, mine)))
            {
                mine.SetResult();
            }
        }
    }
}
