namespace AdminPortal.Web.Components.Shared;

/// <summary>Runs an action once typing has paused: each call cancels the one still waiting.</summary>
public sealed class Debouncer(TimeProvider time, TimeSpan pause) : IDisposable
{
    private CancellationTokenSource? _waiting;

    public async Task RunAsync(Func<Task> action)
    {
        _waiting?.Cancel();
        _waiting?.Dispose();
        _waiting = new CancellationTokenSource();
        try
        {
            await Task.Delay(pause, time, _waiting.Token);
        }
        catch (TaskCanceledException)
        {
            return;
        }

        await action();
    }

    public void Dispose()
    {
        _waiting?.Cancel();
        _waiting?.Dispose();
    }
}
