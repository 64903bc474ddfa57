using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Web.Security;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Web.Components.Shared;

/// <summary>What every page and action button needs: the signed-in actor, the clock, and the portal's feedback.</summary>
public abstract class PortalComponent : ComponentBase
{
    [Inject]
    protected CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    protected IPortalFeedback Feedback { get; set; } = null!;

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

    /// <summary>Reports the outcome of a use case; returns whether it succeeded.</summary>
    protected bool Report(Result result, string successMessage)
    {
        if (result.IsSuccess)
        {
            Feedback.Success(successMessage);
            return true;
        }

        Feedback.Failure(result.Error);
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

        Feedback.Failure(result.Error);
        return ([], 0);
    }
}
