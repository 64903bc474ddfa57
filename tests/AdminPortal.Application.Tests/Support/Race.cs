namespace AdminPortal.Application.Tests.Support;

internal static class Race
{
    /// <summary>
    /// Runs every contender on its own thread-pool task, all held at one gate that opens only when the last
    /// of them is ready, so that they reach the database together; returns their results in order.
    /// </summary>
    public static async Task<T[]> RunAsync<T>(IReadOnlyList<Func<Task<T>>> contenders)
    {
        var waiting = contenders.Count;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = contenders.Select(contender => Task.Run(async () =>
        {
            if (Interlocked.Decrement(ref waiting) == 0)
            {
                gate.SetResult();
            }

            await gate.Task;
            return await contender();
        })).ToArray();

        return await Task.WhenAll(runs);
    }
}
