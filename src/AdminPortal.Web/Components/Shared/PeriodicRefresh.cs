namespace AdminPortal.Web.Components.Shared;

/// <summary>
/// Calls a refresh at a fixed interval until disposed. A failed refresh (the database busy, say) is reported and the next
/// one tries again: it must not end the person's session.
/// </summary>
public sealed class PeriodicRefresh : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public PeriodicRefresh(TimeProvider time, TimeSpan interval, Func<Task> refresh, Action<Exception> failed)
    {
        Interval = interval;
        _ = RunAsync(time, refresh, failed, _stop.Token);
    }

    public TimeSpan Interval { get; }

    private async Task RunAsync(TimeProvider time, Func<Task> refresh, Action<Exception> failed, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await refresh();
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    failed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
