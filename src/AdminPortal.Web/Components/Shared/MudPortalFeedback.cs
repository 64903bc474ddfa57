using AdminPortal.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Web.Components.Shared;

/// <summary>The portal's feedback drawn with MudBlazor's dialogs and snackbars.</summary>
public sealed class MudPortalFeedback(IDialogService dialogs, ISnackbar snackbar) : IPortalFeedback
{
    private static readonly DialogOptions Options = new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true };

    public async Task<bool> ConfirmAsync(Confirmation confirmation)
    {
        var parameters = new DialogParameters<ConfirmDialog> { { d => d.Confirmation, confirmation } };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(confirmation.Title, parameters, Options);
        return await dialog.Result is { Canceled: false };
    }

    public async Task<bool> PromptAsync(TextPrompt prompt)
    {
        var parameters = new DialogParameters<TextPromptDialog> { { d => d.Prompt, prompt } };
        var dialog = await dialogs.ShowAsync<TextPromptDialog>(prompt.Title, parameters, Options);
        return await dialog.Result is { Canceled: false };
    }

    public void Success(string message) => snackbar.Add(Message(message, null), Severity.Success, o => o.VisibleStateDuration = 6000);

    // Someone else deciding first is news, not a fault of the person told.
    public void Failure(Error error) =>
        snackbar.Add(Message(error.Message, error.Fix), error.Code == Errors.RequestAlreadyDecided ? Severity.Warning : Severity.Error, o => o.VisibleStateDuration = 12000);

    public void Warning(string message, string detail) => snackbar.Add(Message(message, detail), Severity.Warning, o => o.VisibleStateDuration = 12000);

    private static RenderFragment Message(string message, string? detail) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "data-testid", "notification");
        builder.OpenElement(2, "strong");
        builder.AddContent(3, message);
        builder.CloseElement();
        if (detail is not null)
        {
            builder.OpenElement(4, "div");
            builder.AddContent(5, detail);
            builder.CloseElement();
        }

        builder.CloseElement();
    };
}
