namespace AdminPortal.Web.Components.Layout;

/// <summary>Tells the bell of this circuit that the person read something, so it counts again at once.</summary>
public sealed class NotificationSignal
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
