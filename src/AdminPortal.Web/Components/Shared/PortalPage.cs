using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Web.Security;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace AdminPortal.Web.Components.Shared;

/// <summary>What every page needs: the signed-in actor, notifications with the service's words, and confirmations.</summary>
public abstract class PortalPage : ComponentBase
{
    [Inject]
    protected CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    protected NotificationService Notifications { get; set; } = null!;

    [Inject]
    protected DialogService Dialogs { get; set; } = null!;

    [Inject]
    protected TimeProvider Time { get; set; } = null!;

    protected Actor Actor { get; private set; } = null!;

    protected DateTime Now => Time.UtcNow();

    protected override async Task OnInitializedAsync()
    {
        Actor = await CurrentActor.GetAsync();
        await LoadAsync();
    }

    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected void ShowSuccess(string message) => Notifications.Notify(new NotificationMessage
    {
        Severity = NotificationSeverity.Success,
        Summary = message,
        Duration = 6000,
    });

    protected void ShowError(Error error) => Notifications.Notify(new NotificationMessage
    {
        Severity = NotificationSeverity.Error,
        Summary = error.Message,
        Detail = error.Fix,
        Duration = 12000,
    });

    /// <summary>Reports the outcome of a use case; returns whether it succeeded.</summary>
    protected bool Report(Result result, string successMessage)
    {
        if (result.IsSuccess)
        {
            ShowSuccess(successMessage);
            return true;
        }

        ShowError(result.Error);
        return false;
    }

    /// <summary>Awaits one page of a list; a refusal is shown and leaves the list empty.</summary>
    protected async Task<(IReadOnlyList<T> Items, int Count)> PageAsync<T>(Task<Result<Page<T>>> load)
    {
        var result = await load;
        if (result.IsSuccess)
        {
            return (result.Value.Items, result.Value.TotalCount ?? 0);
        }

        ShowError(result.Error);
        return ([], 0);
    }

    protected async Task<bool> ConfirmAsync(string title, string message, string confirmText) =>
        await Dialogs.Confirm(message, title, new ConfirmOptions { OkButtonText = confirmText, CancelButtonText = "Go back", CloseDialogOnEsc = true }) == true;
}
